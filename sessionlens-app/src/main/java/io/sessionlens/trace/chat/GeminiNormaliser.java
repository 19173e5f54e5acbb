package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Google Gemini ({@code google-genai}): the request {@code {contents: string | Content | Content[] | parts,
 * config?.system_instruction}} and the response {@code {candidates: [{content}]}}. Role {@code model} is the
 * assistant. Parts serialised by the SDK carry every optional field as null, so only non-null fields count.
 */
public final class GeminiNormaliser implements ChatNormaliser {

    @Override
    public String format() {
        return "gemini";
    }

    @Override
    public List<ChatMessage> normalise(JsonNode value) {
        if (!value.isObject()) return List.of();
        JsonNode candidates = JsonValues.field(value, "candidates");
        if (candidates != null && candidates.isArray()) {
            for (JsonNode c : candidates) {
                JsonNode content = JsonValues.field(c, "content");
                if (content != null) return content(content, ChatRole.ASSISTANT);
            }
            return List.of();
        }
        JsonNode contents = JsonValues.field(value, "contents");
        if (contents == null) return value.has("parts") ? content(value, ChatRole.USER) : List.of();
        List<ChatMessage> out = new ArrayList<>(system(value));
        out.addAll(contents(contents));
        return out.stream().anyMatch(m -> m.role() != ChatRole.SYSTEM) ? out : List.of();
    }

    private static List<ChatMessage> system(JsonNode request) {
        JsonNode config = JsonValues.field(request, "config");
        JsonNode instruction = JsonValues.field(config, "system_instruction");
        if (instruction == null) instruction = JsonValues.field(request, "system_instruction");
        if (instruction == null) return List.of();
        String s = instruction.isString()
                ? instruction.stringValue()
                : partsText(JsonValues.field(instruction, "parts"));
        return s.isBlank() ? List.of() : List.of(ChatMessage.of(ChatRole.SYSTEM, s));
    }

    private static List<ChatMessage> contents(JsonNode contents) {
        if (contents.isString()) return List.of(ChatMessage.of(ChatRole.USER, contents.stringValue()));
        if (contents.isObject()) return content(contents, ChatRole.USER);
        if (!contents.isArray()) return List.of();
        List<ChatMessage> out = new ArrayList<>();
        List<String> looseParts = new ArrayList<>(); // ["a", {"text": "b"}] is one user message with two parts
        for (JsonNode c : contents) {
            if (c.isObject() && c.has("parts")) {
                out.addAll(content(c, ChatRole.USER));
            } else {
                String s = c.isString() ? c.stringValue() : JsonValues.text(c, "text");
                if (!s.isEmpty()) looseParts.add(s);
            }
        }
        if (!looseParts.isEmpty()) out.add(ChatMessage.of(ChatRole.USER, String.join("\n\n", looseParts)));
        return out;
    }

    private static List<ChatMessage> content(JsonNode content, ChatRole defaultRole) {
        JsonNode parts = JsonValues.field(content, "parts");
        if (parts == null || !parts.isArray()) return List.of();
        ChatRole role = ChatRole.parse(JsonValues.text(content, "role")).orElse(defaultRole);
        MessageParts message = new MessageParts();
        for (JsonNode p : parts) {
            JsonNode call = JsonValues.field(p, "function_call");
            JsonNode response = JsonValues.field(p, "function_response");
            if (call != null) {
                message.call(new ToolCallRequest(idOf(call), JsonValues.text(call, "name"),
                        JsonValues.asText(JsonValues.field(call, "args"))));
            } else if (response != null) {
                String id = idOf(response);
                message.toolResult(ChatMessage.toolResult(id != null ? id : JsonValues.text(response, "name"),
                        JsonValues.asText(JsonValues.field(response, "response")), false));
            } else if (isThought(p)) {
                continue; // reasoning, not the answer
            } else if (JsonValues.field(p, "text") != null) {
                message.text(JsonValues.text(p, "text"));
            } else if (JsonValues.field(p, "inline_data") != null) {
                message.text(ContentParts.image(null));
            } else if (JsonValues.field(p, "file_data") != null) {
                message.text(ContentParts.image(JsonValues.text(p.get("file_data"), "file_uri")));
            }
        }
        return message.messages(role);
    }

    private static boolean isThought(JsonNode part) {
        JsonNode t = JsonValues.field(part, "thought");
        return t != null && t.asBoolean();
    }

    private static String partsText(@Nullable JsonNode parts) {
        List<String> texts = new ArrayList<>();
        for (JsonNode p : JsonValues.elements(parts)) {
            String s = p.isString() ? p.stringValue() : JsonValues.text(p, "text");
            if (!s.isEmpty()) texts.add(s);
        }
        return String.join("\n\n", texts);
    }

    private static @Nullable String idOf(JsonNode n) {
        String id = JsonValues.text(n, "id");
        return id.isEmpty() ? null : id;
    }
}
