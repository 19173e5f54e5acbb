package io.sessionlens.trace.chat;

import org.jspecify.annotations.Nullable;

/** A tool call an assistant message asks for; {@code arguments} is text (compact JSON for objects). */
public record ToolCallRequest(@Nullable String id, String name, String arguments) {}
