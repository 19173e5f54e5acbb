package io.sessionlens.session;

import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.trace.model.TraceState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The sessions list as URL parameters, the same for the page ({@code /sessions?…}), the API ({@code /api/sessions?…})
 * and the exports, so a copied link reproduces the view and the export button exports exactly what is shown. Parsing
 * never throws: each parameter it cannot read is a {@link Problem} naming it, and is left out of the query.
 *
 * <pre>
 * q=words  experiment=ID (or experimentId)  user=NAME  from=2026-03-02 to=2026-03-08 (UTC days, or ISO instants)
 * state=OK|ERROR|IN_PROGRESS (MLflow's trace state)  errors=true  verdict=root_cause|healthy|not_analysed
 * kind=tool_error|outdated_retrieval|hallucination|context_loss|other  judge=NAME=VALUE  sort=KEY[,desc]
 * startedFrom=2026-03-02 startedTo=2026-03-08 (the first turn in those UTC days)  verdictSource=human|auto
 * failing=JUDGE (a session-level judge that failed)  rootCauseTurn=N
 * </pre>
 */
public record SessionQuery(SessionFilter filter, List<SessionSort.Order> sort) {
    public SessionQuery {
        sort = List.copyOf(sort);
    }

    /** A parameter that could not be read, and why, in words for the analyst. */
    public record Problem(String parameter, String message) {
        @Override
        public String toString() {
            return parameter + ": " + message;
        }
    }

    /** What {@link #parse} read, and what it could not. */
    public record Parsed(SessionQuery query, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        public String message() {
            return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
        }
    }

    public static SessionQuery none() {
        return new SessionQuery(SessionFilter.none(), List.of());
    }

    public static Parsed parse(Map<String, List<String>> parameters) {
        var p = new Reader(parameters);
        String experiment = p.text("experiment");
        if (experiment == null) experiment = p.text("experimentId");
        Instant from = p.time("from", false);
        Instant to = p.time("to", true);
        if (from != null && to != null && to.isBefore(from)) {
            p.problems.add(new Problem("to", "%s is before from=%s".formatted(p.text("to"), p.text("from"))));
            to = null;
        }
        String state = p.state();
        boolean errors = p.bool("errors");
        SessionVerdict verdict = p.verdict();
        String kind = p.kind();
        if (verdict == null && p.bool("rootcause")) verdict = SessionVerdict.ROOT_CAUSE;   // the earlier links
        if (kind != null && verdict != null && verdict != SessionVerdict.ROOT_CAUSE) {
            p.problems.add(new Problem("kind", "a root-cause kind needs verdict=root_cause, not verdict="
                    + verdict.wire()));
            kind = null;
        }
        String[] judge = p.judge();
        Instant startedFrom = p.time("startedFrom", false);
        Instant startedTo = p.time("startedTo", true);
        if (startedFrom != null && startedTo != null && startedTo.isBefore(startedFrom)) {
            p.problems.add(new Problem("startedTo", "%s is before startedFrom=%s".formatted(p.text("startedTo"),
                    p.text("startedFrom"))));
            startedTo = null;
        }
        var filter = new SessionFilter(experiment, p.text("user"), p.text("q"), from, to, state, errors,
                kind != null ? SessionVerdict.ROOT_CAUSE : verdict, kind, judge == null ? null : judge[0],
                judge == null ? null : judge[1], startedFrom, startedTo, p.verdictSource(), p.text("failing"),
                p.positive("rootCauseTurn"));
        return new Parsed(new SessionQuery(filter, p.sort()), p.problems);
    }

    /** The query as parameters, in a stable order, with only what is set: the inverse of {@link #parse}. */
    public Map<String, String> toParameters() {
        Map<String, String> q = new LinkedHashMap<>();
        SessionFilter f = filter;
        put(q, "q", f.text());
        put(q, "experiment", f.experimentId());
        put(q, "user", f.user());
        if (f.from() != null) q.put("from", day(f.from(), false));
        if (f.to() != null) q.put("to", day(f.to(), true));
        put(q, "state", f.state());
        if (f.errorsOnly()) q.put("errors", "true");
        if (f.rootCauseKind() != null) q.put("kind", f.rootCauseKind());
        else if (f.verdict() != null) q.put("verdict", f.verdict().wire());
        if (f.judgeName() != null && f.judgeValue() != null) q.put("judge", f.judgeName() + "=" + f.judgeValue());
        if (f.startedFrom() != null) q.put("startedFrom", day(f.startedFrom(), false));
        if (f.startedTo() != null) q.put("startedTo", day(f.startedTo(), true));
        put(q, "verdictSource", f.verdictSource());
        put(q, "failing", f.failingJudge());
        if (f.rootCauseTurn() != null) q.put("rootCauseTurn", f.rootCauseTurn().toString());
        if (!sort.isEmpty())
            q.put("sort", sort.stream().map(SessionQuery::sortParameter)
                    .collect(Collectors.joining(";")));
        return q;
    }

    public SessionQuery withFilter(SessionFilter f) {
        return new SessionQuery(f, sort);
    }

    public SessionQuery withSort(List<SessionSort.Order> s) {
        return new SessionQuery(filter, s);
    }

    /** {@code turns} or {@code turns,desc}. */
    public static String sortParameter(SessionSort.Order o) {
        return o.key().name().toLowerCase(Locale.ROOT) + (o.descending() ? ",desc" : "");
    }

    /** Midnight UTC as its day; a {@code to} day is inclusive, so its instant is the next midnight. */
    private static String day(Instant t, boolean end) {
        boolean midnight = t.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay() == 0;
        if (!midnight) return t.toString();
        LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
        return (end ? d.minusDays(1) : d).toString();
    }

    private static void put(Map<String, String> q, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) q.put(key, value);
    }

    private static final class Reader {
        private final Map<String, List<String>> parameters;
        final List<Problem> problems = new ArrayList<>();

        Reader(Map<String, List<String>> parameters) {
            this.parameters = parameters;
        }

        @Nullable
        String text(String key) {
            List<String> v = parameters.get(key);
            if (v == null || v.isEmpty() || v.getFirst() == null || v.getFirst().isBlank()) return null;
            return v.getFirst().trim();
        }

        @Nullable
        Instant time(String key, boolean end) {
            String s = text(key);
            if (s == null) return null;
            try {
                if (s.length() == 10) {
                    LocalDate d = LocalDate.parse(s);
                    return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(key, "'" + s + "' is not a date: write 2026-03-02 (a UTC day)"
                        + " or an instant such as 2026-03-02T09:00:00Z"));
                return null;
            }
        }

        @Nullable
        String state() {
            String s = text("state");
            if (s == null) return null;
            String upper = s.toUpperCase(Locale.ROOT);
            if (Arrays.stream(TraceState.values()).anyMatch(t -> t.name().equals(upper))) return upper;
            problems.add(new Problem("state", "'" + s + "' is not an MLflow trace state: OK, ERROR or IN_PROGRESS"));
            return null;
        }

        boolean bool(String key) {
            String s = text(key);
            if (s == null || s.equalsIgnoreCase("false")) return false;
            if (s.equalsIgnoreCase("true")) return true;
            problems.add(new Problem(key, "'" + s + "' is neither true nor false"));
            return false;
        }

        @Nullable
        String verdictSource() {
            String s = text("verdictSource");
            if (s == null) return null;
            String w = s.toLowerCase(Locale.ROOT);
            if (w.equals("human") || w.equals("auto")) return w;
            problems.add(new Problem("verdictSource", "'" + s + "' is not a verdict source: human or auto"));
            return null;
        }

        @Nullable
        Integer positive(String key) {
            String s = text(key);
            if (s == null) return null;
            try {
                int n = Integer.parseInt(s);
                if (n >= 1) return n;
            } catch (NumberFormatException e) {
                // named below
            }
            problems.add(new Problem(key, "'" + s + "' is not a turn number (1, 2, …)"));
            return null;
        }

        @Nullable
        SessionVerdict verdict() {
            String s = text("verdict");
            if (s == null) return null;
            return SessionVerdict.ofWire(s).orElseGet(() -> {
                problems.add(
                        new Problem("verdict", "'" + s + "' is not a verdict: root_cause, healthy or not_analysed"));
                return null;
            });
        }

        @Nullable
        String kind() {
            String s = text("kind");
            if (s == null) return null;
            String w = s.toLowerCase(Locale.ROOT).replace(' ', '_');
            if (Arrays.stream(RootCauseKind.values()).anyMatch(k -> k.wire().equals(w))) return w;
            problems.add(new Problem("kind", "'" + s + "' is not a root-cause kind: " + Arrays
                    .stream(RootCauseKind.values()).map(RootCauseKind::wire).collect(Collectors.joining(", "))));
            return null;
        }

        /** {@code name=value}; the name may not contain '=', the value may. */
        String @Nullable [] judge() {
            String s = text("judge");
            if (s == null) return null;
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1 || s.substring(0, eq).isBlank() || s.substring(eq + 1).isBlank()) {
                problems.add(new Problem("judge", "'" + s + "' is not name=value, such as correctness=no"));
                return null;
            }
            return new String[]{s.substring(0, eq).trim(), s.substring(eq + 1).trim()};
        }

        List<SessionSort.Order> sort() {
            String s = text("sort");
            if (s == null) return List.of();
            List<SessionSort.Order> out = new ArrayList<>();
            for (String part : s.split(";")) {
                String[] kv = part.trim().split(",", 2);
                String key = kv[0].trim().toUpperCase(Locale.ROOT);
                String dir = kv.length > 1 ? kv[1].trim().toLowerCase(Locale.ROOT) : "asc";
                var k = Arrays.stream(SessionSort.values()).filter(x -> x.name().equals(key)).findFirst();
                if (k.isEmpty() || !(dir.equals("asc") || dir.equals("desc"))) {
                    problems.add(new Problem("sort", "'" + part.trim() + "' is not KEY or KEY,desc with KEY one of "
                            + Arrays.stream(SessionSort.values()).map(x -> x.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))));
                    return List.of();
                }
                out.add(new SessionSort.Order(k.get(), dir.equals("desc")));
            }
            return out;
        }
    }
}
