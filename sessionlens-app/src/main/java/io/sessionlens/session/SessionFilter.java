package io.sessionlens.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the analyst searches for. Every field is optional. {@code text} matches the session id or the turns' text;
 * {@code from}/{@code to} keep sessions that overlap the range; {@code startedFrom}/{@code startedTo} keep sessions whose
 * first turn falls in the range (the overview's days); {@code rootCauseKind} (a wire name such as {@code tool_error})
 * keeps sessions whose root cause is of that kind, {@code rootCauseTurn} those whose root cause is that turn; the judge
 * matches session-level and per-turn judges alike (the value case-insensitively); {@code failingJudge} keeps sessions
 * whose session-level judge of that name failed; {@code verdictSource} ({@code human} or {@code auto}) keeps sessions
 * whose verdict a reviewer gave, or the analysis.
 */
public record SessionFilter(@Nullable String experimentId, @Nullable String user, @Nullable String text,
        @Nullable Instant from, @Nullable Instant to, @Nullable String state, boolean errorsOnly,
        @Nullable SessionVerdict verdict, @Nullable String rootCauseKind, @Nullable String judgeName,
        @Nullable String judgeValue, @Nullable Instant startedFrom, @Nullable Instant startedTo,
        @Nullable String verdictSource, @Nullable String failingJudge, @Nullable Integer rootCauseTurn) {

    public SessionFilter(@Nullable String experimentId, @Nullable String user, @Nullable String text,
            @Nullable Instant from, @Nullable Instant to, @Nullable String state, boolean errorsOnly,
            @Nullable SessionVerdict verdict, @Nullable String rootCauseKind, @Nullable String judgeName,
            @Nullable String judgeValue) {
        this(experimentId, user, text, from, to, state, errorsOnly, verdict, rootCauseKind, judgeName, judgeValue, null,
                null, null, null, null);
    }

    /** The earlier shape: {@code rootCauseOnly} is the verdict "root cause". */
    public SessionFilter(@Nullable String experimentId, @Nullable String user, @Nullable String text,
            @Nullable Instant from, @Nullable Instant to, @Nullable String state, boolean errorsOnly,
            boolean rootCauseOnly, @Nullable String judgeName, @Nullable String judgeValue) {
        this(experimentId, user, text, from, to, state, errorsOnly, rootCauseOnly ? SessionVerdict.ROOT_CAUSE : null,
                null, judgeName, judgeValue);
    }

    public static SessionFilter none() {
        return new SessionFilter(null, null, null, null, null, null, false, null, null, null, null);
    }

    public boolean rootCauseOnly() {
        return verdict == SessionVerdict.ROOT_CAUSE;
    }

    public SessionFilter withText(@Nullable String t) {
        return new SessionFilter(experimentId, user, t, from, to, state, errorsOnly, verdict, rootCauseKind, judgeName,
                judgeValue, startedFrom, startedTo, verdictSource, failingJudge, rootCauseTurn);
    }

    public SessionFilter withVerdict(@Nullable SessionVerdict v, @Nullable String kind) {
        return new SessionFilter(experimentId, user, text, from, to, state, errorsOnly, kind == null
                ? v
                : SessionVerdict.ROOT_CAUSE, kind, judgeName, judgeValue, startedFrom, startedTo, verdictSource,
                failingJudge, rootCauseTurn);
    }

    public SessionFilter withJudge(@Nullable String name, @Nullable String value) {
        return new SessionFilter(experimentId, user, text, from, to, state, errorsOnly, verdict, rootCauseKind, name,
                value, startedFrom, startedTo, verdictSource, failingJudge, rootCauseTurn);
    }

    public SessionFilter withErrorsOnly(boolean errors) {
        return new SessionFilter(experimentId, user, text, from, to, state, errors, verdict, rootCauseKind, judgeName,
                judgeValue, startedFrom, startedTo, verdictSource, failingJudge, rootCauseTurn);
    }

    /** Sessions whose first turn is in {@code [from, to)}: the overview's period or day. */
    public SessionFilter withStarted(@Nullable Instant from, @Nullable Instant to) {
        return new SessionFilter(experimentId, user, text, this.from, this.to, state, errorsOnly, verdict,
                rootCauseKind,
                judgeName, judgeValue, from, to, verdictSource, failingJudge, rootCauseTurn);
    }

    public SessionFilter withVerdictSource(@Nullable String source) {
        return new SessionFilter(experimentId, user, text, from, to, state, errorsOnly, verdict, rootCauseKind,
                judgeName,
                judgeValue, startedFrom, startedTo, source, failingJudge, rootCauseTurn);
    }

    public SessionFilter withFailingJudge(@Nullable String name) {
        return new SessionFilter(experimentId, user, text, from, to, state, errorsOnly, verdict, rootCauseKind,
                judgeName,
                judgeValue, startedFrom, startedTo, verdictSource, name, rootCauseTurn);
    }

    /** Sessions whose (effective) root cause is this turn (the summary line then counts only those). */
    public SessionFilter withRootCauseTurn(@Nullable Integer turn) {
        return new SessionFilter(experimentId, user, text, from, to, state, errorsOnly, verdict, rootCauseKind,
                judgeName, judgeValue, startedFrom, startedTo, verdictSource, failingJudge, turn);
    }

    /** The same filter over every verdict: what the summary line counts. */
    public SessionFilter anyVerdict() {
        return withVerdict(null, null);
    }
}
