package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Bedrock Converse: the request {@code {system?: [{text}], messages: [{role, content: [{text} | {toolUse} |
 * {toolResult} | {image} …]}]}} and the response {@code {output: {message}}}. Blocks are keyed by kind rather than
 * typed. A user message that only returns tool results is a tool message, as in MLflow's chat view.
 */
public final class BedrockConverseNormaliser implements ChatNormaliser {

    @Override
    public String format() {
        return "bedrock";
    }

    @Override
    public List<ChatMessage> normalise(JsonNode value) {
        if (!value.isObject()) return List.of();
        JsonNode output = JsonValues.field(value, "output");
        JsonNode outMessage = JsonValues.field(output, "message");
        if (outMessage != null) return message(outMessage);
        JsonNode messages = JsonValues.field(value, "messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) return List.of();
        List<ChatMessage> out = new ArrayList<>();
        JsonNode system = JsonValues.field(value, "system");
        if (system != null && system.isArray()) {
            String s = ContentParts.render(system);
            if (!s.isBlank()) out.add(ChatMessage.of(ChatRole.SYSTEM, s));
        }
        for (JsonNode m : messages) {
            List<ChatMessage> msgs = message(m);
            if (msgs.isEmpty()) return List.of();
            out.addAll(msgs);
        }
        return out;
    }

    private static List<ChatMessage> message(JsonNode m) {
        String role = JsonValues.text(m, "role");
        JsonNode content = JsonValues.field(m, "content");
        if (!(role.equals("user") || role.equals("assistant")) || content == null || !content.isArray()
                || !ownBlocks(content)) {
            return List.of();
        }
        MessageParts parts = new MessageParts();
        for (JsonNode b : content) {
            JsonNode toolUse = JsonValues.field(b, "toolUse");
            JsonNode toolResult = JsonValues.field(b, "toolResult");
            if (toolUse != null) {
                parts.call(new ToolCallRequest(JsonValues.text(toolUse, "toolUseId"), JsonValues.text(toolUse, "name"),
                        JsonValues.asText(JsonValues.field(toolUse, "input"))));
            } else if (toolResult != null) {
                parts.toolResult(ChatMessage.toolResult(JsonValues.text(toolResult, "toolUseId"),
                        resultText(JsonValues.field(toolResult, "content")),
                        JsonValues.text(toolResult, "status").equals("error")));
            } else if (JsonValues.field(b, "image") != null) {
                parts.text(ContentParts.image(null));
            } else if (JsonValues.field(b, "text") != null) {
                parts.text(JsonValues.text(b, "text"));
            }
        }
        return parts.messages(ChatRole.parse(role).orElseThrow());
    }

    /** Converse blocks have exactly one key naming their kind; a {@code type} key means another format. */
    private static boolean ownBlocks(JsonNode blocks) {
        for (JsonNode b : blocks) {
            if (!b.isObject() || b.has("type")) return false;
        }
        return true;
    }

    private static String resultText(@org.jspecify.annotations.Nullable JsonNode content) {
        List<String> parts = new ArrayList<>();
        for (JsonNode c : JsonValues.elements(content)) {
            JsonNode json = JsonValues.field(c, "json");
            parts.add(json != null
                    ? JsonValues.asText(json)
                    : c.isObject() ? JsonValues.text(c, "text") : JsonValues.asText(c));
        }
        return String.join("\n\n", parts);
    }
}
