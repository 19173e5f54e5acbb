package io.sessionlens.session;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One row of the session search. {@code standalone} marks a trace that had no session id and is shown as a one-turn
 * session of its own (its sessionId is then the trace id). {@code analysed} is false while the session waits for the
 * background analysis (root cause, judges and texts then come from an earlier analysis or the previews).
 * {@code importInterrupted}: the server stopped while an import was storing this session's traces, so it may lack
 * turns its export has, until an import that finishes stores them again (decision record 025). {@code state}
 * is MLflow's trace state (the worst of the turns), {@code verdict} SessionLens' own conclusion. Equality is by identity
 * so a grid refresh keeps selection.
 * {@code verdictSource}: {@code human} when a reviewer's verdict stands for the root cause (decision 026), else
 * {@code auto}. {@code annotationCount}: analysts' annotations on the session, its turns and spans (decision 027).
 */
public record SessionRow(String experimentId, String sessionId, boolean standalone, int turnCount,
        Instant firstRequestTime,
        Instant lastRequestTime, String user, String state, int errorTurns, String firstInput, String lastOutput,
        long totalTokens, long durationMs, @Nullable Integer rootCauseTurn, @Nullable String rootCauseKind,
        List<JudgeChip> sessionJudges, boolean analysed, boolean importInterrupted, SessionVerdict verdict,
        List<TurnJudge> turnJudges, String verdictSource, int annotationCount) {

    public SessionRow {
        sessionJudges = List.copyOf(sessionJudges);
        turnJudges = List.copyOf(turnJudges);
    }

    /** A session-level judge's value and its polarity, for a coloured chip. */
    public record JudgeChip(String name, String value, String verdict) {
        public boolean failing() {
            return "FAIL".equals(verdict);
        }
    }

    /** A per-turn judge's value and polarity, with the turns (1-based) that got it. */
    public record TurnJudge(String name, String value, String verdict, List<Integer> turns) {
        public TurnJudge {
            turns = List.copyOf(turns);
        }

        public boolean failing() {
            return "FAIL".equals(verdict);
        }
    }

    /** The judges that failed, session-level first: {@code correctness: no (turns 3, 5)}. */
    public List<String> failingJudges() {
        return Stream.concat(
                sessionJudges.stream().filter(JudgeChip::failing).map(j -> j.name() + ": " + j.value()),
                turnJudges.stream().filter(TurnJudge::failing)
                        .map(j -> j.name() + ": " + j.value() + " (" + turnsLabel(j.turns()) + ")"))
                .toList();
    }

    /** {@code turn 3}, {@code turns 3, 5}. */
    public static String turnsLabel(List<Integer> turns) {
        return (turns.size() == 1 ? "turn " : "turns ")
                + String.join(", ", turns.stream().map(String::valueOf).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionRow r && r.experimentId.equals(experimentId) && r.sessionId.equals(sessionId);
    }

    @Override
    public int hashCode() {
        return experimentId.hashCode() * 31 + sessionId.hashCode();
    }
}
