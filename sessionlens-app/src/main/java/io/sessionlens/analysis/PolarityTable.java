package io.sessionlens.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which assessment values mean "this failed". The verdict is read from the value's own semantics, never from the
 * judge's name (decision 011): other applications name their judges differently ({@code faithfulness},
 * {@code answer_quality}) and use other scales, so a rule keyed on {@code correctness} or {@code groundedness} does not
 * carry over. Booleans, MLflow's categorical ratings (yes/no, pass/fail, thumbs up/down) and the built-in
 * frustration vocabulary (none/resolved/unresolved) mean the same for every judge; a number is read on the judge's own
 * scale, taken from the values that judge gave in the session ({@link Observed}). Immutable.
 */
public final class PolarityTable {

    private static final Set<String> GOOD_WORDS = Set.of("yes", "true", "pass", "passed", "up", "thumbs_up", "none");
    private static final Set<String> BAD_WORDS = Set.of("no", "false", "fail", "failed", "down", "thumbs_down",
            "unresolved");
    /** A frustration that came up and was resolved: neither a pass nor a failure of the turn. */
    private static final Set<String> NEUTRAL_WORDS = Set.of("resolved");
    /** "4/5", "2 / 10": a score with its own scale written out. */
    private static final Pattern FRACTION = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)$");
    /** The tops of the rating scales judges use; a value above 1 is read on the smallest that holds it. */
    private static final List<BigDecimal> SCALE_TOPS = List.of(BigDecimal.valueOf(5), BigDecimal.TEN,
            BigDecimal.valueOf(100));
    /** On a scale, the lower 40 % fail, the upper 40 % pass, the middle (3 of 1–5, 5–6 of 1–10) is ambiguous. */
    private static final BigDecimal FAIL_BELOW = new BigDecimal("0.4");
    private static final BigDecimal PASS_ABOVE = new BigDecimal("0.6");

    private static final PolarityTable BUILT_IN = new PolarityTable(Map.of());

    /** Analyst overrides: judge name (lower case) → the values that fail; every other value passes. */
    private final Map<String, Set<String>> overrides;

    /**
     * The numeric values one judge gave in a session: its scale. A judge that gave 4 and 1 rates on 1–5, so its 1 is a
     * failure, though a lone 1 could be the top of a 0–1 score.
     */
    public record Observed(BigDecimal min, BigDecimal max) {
        public static @Nullable Observed of(List<?> values) {
            BigDecimal min = null, max = null;
            for (Object v : values) {
                BigDecimal n = v == null ? null : number(v);
                if (n == null) continue;
                min = min == null || n.compareTo(min) < 0 ? n : min;
                max = max == null || n.compareTo(max) > 0 ? n : max;
            }
            return min == null ? null : new Observed(min, max);
        }
    }

    private PolarityTable(Map<String, Set<String>> overrides) {
        this.overrides = overrides;
    }

    public static PolarityTable builtIn() {
        return BUILT_IN;
    }

    /** A copy in which {@code judge} fails exactly on {@code failingValues} (compared case-insensitively). */
    public PolarityTable with(String judge, Set<String> failingValues) {
        Map<String, Set<String>> copy = new LinkedHashMap<>(overrides);
        copy.put(key(judge), failingValues.stream().map(PolarityTable::word).collect(Collectors.toUnmodifiableSet()));
        return new PolarityTable(Collections.unmodifiableMap(copy));
    }

    public Verdict verdict(String name, @Nullable Object value) {
        return verdict(name, value, null);
    }

    /** @param observed the numeric values the same judge gave in the session, null when unknown */
    public Verdict verdict(String name, @Nullable Object value, @Nullable Observed observed) {
        if (value == null) return Verdict.UNKNOWN;
        Set<String> failing = overrides.get(key(name));
        if (failing != null) {
            String w = word(value);
            return w.isEmpty() ? Verdict.UNKNOWN : failing.contains(w) ? Verdict.FAIL : Verdict.PASS;
        }
        if (value instanceof Boolean b) return b ? Verdict.PASS : Verdict.FAIL;
        String w = word(value);
        if (GOOD_WORDS.contains(w)) return Verdict.PASS;
        if (BAD_WORDS.contains(w)) return Verdict.FAIL;
        if (NEUTRAL_WORDS.contains(w)) return Verdict.NEUTRAL;
        if (value instanceof String s) {
            Matcher f = FRACTION.matcher(s.trim());
            if (f.matches()) {
                BigDecimal n = new BigDecimal(f.group(1)), top = new BigDecimal(f.group(2));
                boolean fromOne = n.compareTo(BigDecimal.ONE) >= 0 && top.compareTo(BigDecimal.ONE) > 0
                        && top.compareTo(BigDecimal.valueOf(100)) < 0;
                return onScale(n, fromOne ? BigDecimal.ONE : BigDecimal.ZERO, top);
            }
        }
        BigDecimal n = number(value);
        return n == null ? Verdict.UNKNOWN : score(n, observed);
    }

    /**
     * A number is read on the judge's own scale. Values up to 1 from a judge that never gave more are a 0–1 score
     * (code scorers return 0/1 or a fraction): below 0.5 fails. Otherwise the scale is the smallest of 1–5, 1–10 and
     * 0–100 that holds everything the judge gave in the session (a 0 makes it start at 0): the lower 40 % fail, the
     * upper 40 % pass, the middle is ambiguous and its rationale and the turn's other evidence decide (decision 011).
     * A lone 1 fits both a 0–1 and a 1–5 scale and passes. Above 100 (latencies, counts) there is no known threshold;
     * an analyst can set one with {@link #with}.
     */
    private static Verdict score(BigDecimal n, @Nullable Observed observed) {
        if (n.signum() < 0) return Verdict.UNKNOWN;
        BigDecimal max = observed == null ? n : observed.max().max(n);
        BigDecimal min = observed == null ? n : observed.min().min(n);
        if (max.compareTo(BigDecimal.ONE) <= 0)
            return n.compareTo(new BigDecimal("0.5")) < 0 ? Verdict.FAIL : Verdict.PASS;
        BigDecimal top = SCALE_TOPS.stream().filter(t -> t.compareTo(max) >= 0).findFirst().orElse(null);
        if (top == null) return Verdict.UNKNOWN;
        BigDecimal bottom = top.equals(BigDecimal.valueOf(100)) || min.compareTo(BigDecimal.ONE) < 0
                ? BigDecimal.ZERO
                : BigDecimal.ONE;
        return onScale(n, bottom, top);
    }

    private static Verdict onScale(BigDecimal n, BigDecimal bottom, BigDecimal top) {
        if (top.compareTo(bottom) <= 0 || n.compareTo(bottom) < 0 || n.compareTo(top) > 0) return Verdict.UNKNOWN;
        BigDecimal p = n.subtract(bottom).divide(top.subtract(bottom), MathContext.DECIMAL64);
        if (p.compareTo(FAIL_BELOW) < 0) return Verdict.FAIL;
        if (p.compareTo(PASS_ABOVE) > 0) return Verdict.PASS;
        return Verdict.UNKNOWN;
    }

    private static @Nullable BigDecimal number(Object value) {
        try {
            if (value instanceof Number num) return new BigDecimal(num.toString());
            if (value instanceof String s && !s.isBlank()) return new BigDecimal(s.trim());
        } catch (NumberFormatException notANumber) { // also NaN and Infinity
            return null;
        }
        return null;
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    /** A scalar as a comparable word: {@code "Yes "} → {@code yes}, {@code 5.0} → {@code 5}; containers → empty. */
    private static String word(Object value) {
        if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) return "";
        BigDecimal n = number(value);
        if (n != null) return n.stripTrailingZeros().toPlainString();
        return value.toString().trim().toLowerCase(Locale.ROOT);
    }
}
