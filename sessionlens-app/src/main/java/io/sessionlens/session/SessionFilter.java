package io.sessionlens.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the analyst searches for. Every field is optional. {@code text} matches the session id or the turns' text;
 * {@code from}/{@code to} keep sessions that overlap the range; {@code rootCauseKind} (a wire name such as
 * {@code tool_error}) keeps sessions whose root cause is of that kind; the judge matches session-level and per-turn
 * judges alike (the value case-insensitively).
 */
public record SessionFilter(@Nullable String experimentId, @Nullable String user, @Nullable String text,
        @Nullable Instant from, @Nullable Instant to, @Nullable String state, boolean errorsOnly,
        @Nullable SessionVerdict verdict, @Nullable String rootCauseKind, @Nullable String judgeName,
        @Nullable String judgeValue) {

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
                judgeValue);
    }

    public SessionFilter withVerdict(@Nullable SessionVerdict v, @Nullable String kind) {
        return new SessionFilter(experimentId, user, text, from, to, state, errorsOnly, kind == null
                ? v
                : SessionVerdict.ROOT_CAUSE, kind, judgeName, judgeValue);
    }

    public SessionFilter withJudge(@Nullable String name, @Nullable String value) {
        return new SessionFilter(experimentId, user, text, from, to, state, errorsOnly, verdict, rootCauseKind, name,
                value);
    }

    /** The same filter over every verdict: what the summary line counts. */
    public SessionFilter anyVerdict() {
        return withVerdict(null, null);
    }
}
