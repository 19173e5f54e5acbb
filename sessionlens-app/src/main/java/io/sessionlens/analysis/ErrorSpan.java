package io.sessionlens.analysis;

import org.jspecify.annotations.Nullable;

/**
 * A span that failed (status ERROR), or one that recorded an exception and still succeeded.
 *
 * @param handled the span's status is not ERROR: the exception was caught and the span went on (a timeout before a
 *     fallback, a 429 before a retry); a warning, not a failure (decision 011)
 */
public record ErrorSpan(String spanId, String name, @Nullable String message, @Nullable String exceptionType,
        @Nullable String stackTrace, boolean handled) {

    public ErrorSpan(String spanId, String name, @Nullable String message, @Nullable String exceptionType,
            @Nullable String stackTrace) {
        this(spanId, name, message, exceptionType, stackTrace, false);
    }
}
