package io.sessionlens.demodata.scenario;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool call in a turn and what came back.
 *
 * @param result the tool's output as text (often JSON); ignored when {@link #failure} is set
 * @param failure the tool raised; the exception propagates and the turn fails
 */
public record ToolUse(String name, ObjectNode arguments, String result, @Nullable Failure failure) {}
