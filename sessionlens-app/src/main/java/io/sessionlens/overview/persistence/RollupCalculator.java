package io.sessionlens.overview.persistence;

import io.sessionlens.overview.JudgeOutcomes;
import io.sessionlens.overview.Metrics;
import io.sessionlens.session.SessionDaysChanged.Day;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Adds sessions and turn latencies up into figures per experiment and UTC day. Pure: no database. */
final class RollupCalculator {
    /** What the index says about one session (and the automatic verdict stored with its human verdict, if any). */
    record SessionFacts(String experimentId, Instant firstRequest, int turns, long tokens, int errorTurns,
            @Nullable Integer rootCauseTurn, @Nullable String rootCauseKind, boolean human, @Nullable Integer autoTurn,
            @Nullable String autoKind, @Nullable String sessionJudges) {}

    /** A session-level judge's outcome on one session: failed if any of its values failed. */
    record JudgeOutcome(boolean failed) {}

    private final Map<Day, Map<String, Long>> figures = new HashMap<>();

    Map<Day, Map<String, Long>> figures() {
        return figures;
    }

    void addLatency(Day day, long ms) {
        add(day, Metrics.LATENCY + Metrics.latencyBucket(Math.max(0, ms)), 1);
    }

    void add(SessionFacts s) {
        Day day = Day.of(s.experimentId(), s.firstRequest());
        add(day, Metrics.SESSIONS, 1);
        add(day, Metrics.TURNS, s.turns());
        add(day, Metrics.TOKENS, s.tokens());
        add(day, Metrics.ERROR_TURNS, s.errorTurns());
        if (s.errorTurns() > 0) add(day, Metrics.SESSIONS_WITH_ERRORS, 1);
        boolean rootCause = s.rootCauseTurn() != null;
        if (rootCause) {
            add(day, Metrics.ROOT_CAUSE, 1);
            add(day, Metrics.KIND + (s.rootCauseKind() == null ? "other" : s.rootCauseKind()), 1);
            add(day, Metrics.ROOT_CAUSE_TURN + s.rootCauseTurn(), 1);
        }
        Map<String, JudgeOutcome> judges = judges(s.sessionJudges());
        judges.forEach((name, o) -> {
            add(day, Metrics.JUDGE_EVALUATED + name, 1);
            if (o.failed()) add(day, Metrics.JUDGE_FAILING + name, 1);
        });
        if (!s.human()) return;
        add(day, Metrics.HUMAN, 1);
        boolean sameTurn = Objects.equals(s.rootCauseTurn(), s.autoTurn());
        boolean agree = sameTurn && (s.rootCauseTurn() == null || Objects.equals(s.rootCauseKind(), s.autoKind()));
        if (sameTurn) add(day, Metrics.HUMAN_AGREE_TURN, 1);
        if (agree) add(day, Metrics.HUMAN_AGREE, 1);
        String autoKind = s.autoTurn() == null ? "none" : s.autoKind() == null ? "other" : s.autoKind();
        add(day, Metrics.KIND_REVIEWED + autoKind, 1);
        if (agree) add(day, Metrics.KIND_AGREE + autoKind, 1);
        judges.forEach((name, o) -> {
            add(day, Metrics.JUDGE_REVIEWED + name, 1);
            if (disagrees(o.failed(), rootCause)) add(day, Metrics.JUDGE_DISAGREE + name, 1);
        });
    }

    /**
     * A reviewer disagrees with a session-level judge when the judge failed the session and the reviewer found no root
     * cause, or the judge passed it and the reviewer named one (decision record 034).
     */
    static boolean disagrees(boolean judgeFailed, boolean humanRootCause) {
        return judgeFailed != humanRootCause;
    }

    static Map<String, JudgeOutcome> judges(@Nullable String json) {
        Map<String, JudgeOutcome> out = new LinkedHashMap<>();
        JudgeOutcomes.read(json).forEach((name, failed) -> out.put(name, new JudgeOutcome(failed)));
        return out;
    }

    private void add(Day day, String metric, long n) {
        if (n == 0 && !metric.equals(Metrics.SESSIONS)) return;
        figures.computeIfAbsent(day, d -> new HashMap<>()).merge(metric, n, Long::sum);
    }
}
