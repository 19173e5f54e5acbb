package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic Messages: the request {@code {system?, messages: [{role, content: string | blocks}]}} and the response
 * {@code {type: "message", role: "assistant", content: blocks}}. {@code tool_use} blocks become tool calls,
 * {@code tool_result} blocks become tool messages, {@code thinking} is reasoning and is left out of the text.
 */
public final class AnthropicNormaliser implements ChatNormaliser {

    private static final Set<String> BLOCK_TYPES = Set.of("text", "image", "tool_use", "tool_result", "thinking",
            "redacted_thinking", "document", "server_tool_use", "web_search_tool_result", "tool_reference",
            "tool_search_tool_result", "search_result", "container_upload");

    @Override
    public String format() {
        return "anthropic";
    }

    @Override
    public List<ChatMessage> normalise(JsonNode value) {
        if (!value.isObject()) return List.of();
        JsonNode messages = JsonValues.field(value, "messages");
        if (messages != null) return request(value, messages);
        String role = JsonValues.text(value, "role");
        JsonNode content = JsonValues.field(value, "content");
        if ((JsonValues.text(value, "type").equals("message") || role.equals("assistant"))
                && content != null && content.isArray() && ownBlocks(content)) {
            return message("assistant", content);
        }
        return List.of();
    }

    private static List<ChatMessage> request(JsonNode value, JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) return List.of();
        List<ChatMessage> out = new ArrayList<>();
        JsonNode system = JsonValues.field(value, "system");
        if (system != null) {
            String s = system.isArray() ? text(system) : JsonValues.asText(system);
            if (!s.isBlank()) out.add(ChatMessage.of(ChatRole.SYSTEM, s));
        }
        for (JsonNode m : messages) {
            String role = JsonValues.text(m, "role");
            JsonNode content = JsonValues.field(m, "content");
            if (!(role.equals("user") || role.equals("assistant"))) return List.of();
            if (content == null || content.isString()) {
                out.add(ChatMessage.of(ChatRole.parse(role).orElseThrow(), JsonValues.asText(content)));
            } else if (content.isArray() && ownBlocks(content)) {
                out.addAll(message(role, content));
            } else {
                return List.of();
            }
        }
        return out;
    }

    private static boolean ownBlocks(JsonNode blocks) {
        for (JsonNode b : blocks) {
            if (!b.isString() && !BLOCK_TYPES.contains(JsonValues.text(b, "type"))) return false;
        }
        return true;
    }

    private static List<ChatMessage> message(String role, JsonNode blocks) {
        MessageParts parts = new MessageParts();
        for (JsonNode b : blocks) {
            switch (b.isString() ? "text" : JsonValues.text(b, "type")) {
                case "tool_use", "server_tool_use" -> parts.call(new ToolCallRequest(JsonValues.text(b, "id"),
                        JsonValues.text(b, "name"), JsonValues.asText(JsonValues.field(b, "input"))));
                case "tool_result" -> {
                    JsonNode c = JsonValues.field(b, "content");
                    String result = c != null && c.isArray() ? text(c) : JsonValues.asText(c);
                    boolean error = JsonValues.field(b, "is_error") != null && b.get("is_error").asBoolean();
                    parts.toolResult(ChatMessage.toolResult(JsonValues.text(b, "tool_use_id"), result, error));
                }
                default -> parts.text(ContentParts.part(b)); // text and images; thinking renders as nothing
            }
        }
        return parts.messages(ChatRole.parse(role).orElseThrow());
    }

    private static String text(JsonNode blocks) {
        return ContentParts.render(blocks);
    }
}
