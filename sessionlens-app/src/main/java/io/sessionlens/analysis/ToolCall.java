package io.sessionlens.analysis;

import org.jspecify.annotations.Nullable;

/**
 * A tool the turn called: from a TOOL span, or from the chat messages when the app logged no span for it.
 *
 * @param arguments the call's arguments as text (compact JSON for objects)
 * @param result what the tool returned, as text
 * @param error why the call failed; null when it did not
 */
public record ToolCall(@Nullable String spanId, String name, @Nullable String arguments, @Nullable String result,
        @Nullable String error) {}
