package io.sessionlens.analysis;

import org.jspecify.annotations.Nullable;

/** A span that failed: status ERROR, or an {@code exception} event. */
public record ErrorSpan(String spanId, String name, @Nullable String message, @Nullable String exceptionType,
        @Nullable String stackTrace) {}
