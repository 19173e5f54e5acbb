package io.sessionlens.analysis;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which assessment values mean "this failed". MLflow judges do not share one vocabulary ({@code user_frustration =
 * none} is good, {@code correctness = no} is bad), so the polarity is looked up by judge name. Immutable.
 */
public final class PolarityTable {

    /** MLflow's built-in judges whose vocabulary is yes/no (spec §7.2), by exact name. */
    private static final Set<String> YES_NO_JUDGES = Set.of(
            "conversation_completeness", "knowledge_retention", "last_turn_knowledge_retention", "correctness",
            "relevance_to_query", "relevance_to_context", "retrieval_groundedness", "retrieval_relevance",
            "retrieval_sufficiency", "safety", "guidelines", "expectations_guidelines", "fluency", "equivalence",
            "completeness", "summarization");

    /** Built-in families whose members share the yes/no vocabulary. */
    private static final Set<String> YES_NO_PREFIXES = Set.of("conversational_", "tool_call_");

    private static final Set<String> GOOD_WORDS = Set.of("yes", "true", "pass", "passed", "up", "thumbs_up");
    private static final Set<String> BAD_WORDS = Set.of("no", "false", "fail", "failed", "down", "thumbs_down");

    private static final PolarityTable BUILT_IN = new PolarityTable(Map.of());

    /** Analyst overrides: judge name (lower case) → the values that fail; every other value passes. */
    private final Map<String, Set<String>> overrides;

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
        if (value == null) return Verdict.UNKNOWN;
        String judge = key(name);
        Set<String> failing = overrides.get(judge);
        if (failing != null) {
            String w = word(value);
            return w.isEmpty() ? Verdict.UNKNOWN : failing.contains(w) ? Verdict.FAIL : Verdict.PASS;
        }
        if (judge.equals("user_frustration")) return frustration(word(value));
        if (isYesNoJudge(judge)) return yesNo(word(value));
        return generic(value);
    }

    private static Verdict frustration(String w) {
        return switch (w) {
            case "none" -> Verdict.PASS;
            case "resolved" -> Verdict.NEUTRAL;
            case "unresolved" -> Verdict.FAIL;
            default -> Verdict.UNKNOWN;
        };
    }

    private static boolean isYesNoJudge(String judge) {
        return YES_NO_JUDGES.contains(judge) || YES_NO_PREFIXES.stream().anyMatch(judge::startsWith);
    }

    private static Verdict yesNo(String w) {
        if (w.equals("yes") || w.equals("true")) return Verdict.PASS;
        if (w.equals("no") || w.equals("false")) return Verdict.FAIL;
        return Verdict.UNKNOWN;
    }

    private static Verdict generic(Object value) {
        if (value instanceof Boolean b) return b ? Verdict.PASS : Verdict.FAIL;
        String w = word(value);
        if (GOOD_WORDS.contains(w)) return Verdict.PASS;
        if (BAD_WORDS.contains(w)) return Verdict.FAIL;
        BigDecimal n = number(value);
        return n == null ? Verdict.UNKNOWN : score(n);
    }

    /**
     * The value carries no scale, so it is guessed from the number itself: 0 ≤ n ≤ 1 is read as a 0–1 score (code
     * scorers return 0/1 or a fraction; a 1–5 judge never returns 0 or a fraction below 1), 1 < n ≤ 5 as a 1–5
     * rating, whose middle (3) is ambiguous. The one value that fits both scales, 1, passes. Anything else (latencies, 0–10 or 0–100 scales) has no
     * known threshold and stays UNKNOWN; an analyst can set one with {@link #with}.
     */
    private static Verdict score(BigDecimal n) {
        if (n.signum() < 0) return Verdict.UNKNOWN;
        if (n.compareTo(BigDecimal.ONE) <= 0) return n.compareTo(new BigDecimal("0.5")) < 0 ? Verdict.FAIL : Verdict.PASS;
        if (n.compareTo(BigDecimal.valueOf(5)) <= 0) {
            // the middle of a 1–5 scale says neither: its rationale and the turn's other evidence decide (decision 011)
            if (n.compareTo(BigDecimal.valueOf(3)) == 0) return Verdict.UNKNOWN;
            return n.compareTo(BigDecimal.valueOf(2)) <= 0 ? Verdict.FAIL : Verdict.PASS;
        }
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
