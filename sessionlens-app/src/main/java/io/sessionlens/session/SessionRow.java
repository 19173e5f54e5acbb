package io.sessionlens.session;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of the session search. {@code standalone} marks a trace that had no session id and is shown as a one-turn
 * session of its own (its sessionId is then the trace id). {@code analysed} is false while the session waits for the
 * background analysis (root cause, judges and texts then come from an earlier analysis or the previews).
 * {@code importInterrupted}: the server stopped while an import was storing this session's traces, so it may lack
 * turns its export has, until an import that finishes stores them again (decision record 025). Equality is by identity so a grid refresh keeps selection.
 */
public record SessionRow(String experimentId, String sessionId, boolean standalone, int turnCount,
        Instant firstRequestTime,
        Instant lastRequestTime, String user, String state, int errorTurns, String firstInput, String lastOutput,
        long totalTokens, long durationMs, @Nullable Integer rootCauseTurn, @Nullable String rootCauseKind,
        List<JudgeChip> sessionJudges, boolean analysed, boolean importInterrupted) {

    /** A session-level judge's value and its polarity, for a coloured chip. */
    public record JudgeChip(String name, String value, String verdict) {}

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionRow r && r.experimentId.equals(experimentId) && r.sessionId.equals(sessionId);
    }

    @Override
    public int hashCode() {
        return experimentId.hashCode() * 31 + sessionId.hashCode();
    }
}
