package io.sessionlens.demodata.chat;

import tools.jackson.databind.node.ObjectNode;

/** A tool call the model asked for. */
public record ToolCall(String id, String name, ObjectNode arguments) {}
