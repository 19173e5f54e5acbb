package io.sessionlens.session;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the analyst searches for. Every field is optional. {@code text} matches the session id or the turns' text;
 * {@code from}/{@code to} keep sessions that overlap the range.
 */
public record SessionFilter(@Nullable String experimentId, @Nullable String user, @Nullable String text,
        @Nullable Instant from, @Nullable Instant to, @Nullable String state, boolean errorsOnly, boolean rootCauseOnly,
        @Nullable String judgeName, @Nullable String judgeValue) {

    public static SessionFilter none() {
        return new SessionFilter(null, null, null, null, null, null, false, false, null, null);
    }

    public SessionFilter withText(@Nullable String t) {
        return new SessionFilter(experimentId, user, t, from, to, state, errorsOnly, rootCauseOnly, judgeName,
                judgeValue);
    }
}
