package io.sessionlens.analysis;

import org.jspecify.annotations.Nullable;

/**
 * A scorer that crashed instead of judging: not a verdict on the conversation, so no signal uses it. A session-level
 * scorer's error sits on the session's first trace like its verdicts would; {@code sessionLevel} keeps it out of that
 * turn.
 */
public record ScorerError(String traceId, String name, @Nullable String errorCode, @Nullable String message,
        boolean sessionLevel) {

    public ScorerError(String traceId, String name, @Nullable String errorCode, @Nullable String message) {
        this(traceId, name, errorCode, message, false);
    }
}
