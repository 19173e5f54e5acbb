package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * OpenTelemetry GenAI semantic conventions ({@code gen_ai.input.messages} / {@code gen_ai.output.messages}):
 * {@code [{role, parts: [{type: "text", content} | {type: "tool_call", id, name, arguments} |
 * {type: "tool_call_response", id, response}]}]}. Roles are compared case-insensitively; a tool response is a tool
 * message whatever role carried it.
 */
public final class OtelGenAiNormaliser implements ChatNormaliser {

    @Override
    public String format() {
        return "otel-genai";
    }

    @Override
    public List<ChatMessage> normalise(JsonNode value) {
        JsonNode messages = value.isObject() ? JsonValues.field(value, "messages") : value;
        if (messages == null || !messages.isArray() || messages.isEmpty()) return List.of();
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : messages) {
            JsonNode parts = JsonValues.field(m, "parts");
            Optional<ChatRole> role = ChatRole.parse(JsonValues.text(m, "role"));
            if (parts == null || !parts.isArray() || role.isEmpty()) return List.of();
            out.addAll(message(role.get(), parts));
        }
        return out;
    }

    private static List<ChatMessage> message(ChatRole role, JsonNode parts) {
        MessageParts message = new MessageParts();
        for (JsonNode p : parts) {
            switch (JsonValues.text(p, "type")) {
                case "text" -> message.text(JsonValues.asText(JsonValues.field(p, "content")));
                case "tool_call" ->
                    message.call(new ToolCallRequest(JsonValues.text(p, "id"), JsonValues.text(p, "name"),
                            JsonValues.asText(JsonValues.field(p, "arguments"))));
                case "tool_call_response" -> message.toolResult(ChatMessage.toolResult(JsonValues.text(p, "id"),
                        JsonValues.asText(JsonValues.field(p, "response")), false));
                case "uri", "blob" -> message.text(ContentParts.image(JsonValues.text(p, "uri")));
                default -> {
                } // reasoning and unknown parts are not conversation
            }
        }
        return message.messages(role);
    }
}
