package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI Chat Completions ({@code messages}, {@code choices[].message}) and the Responses API ({@code input},
 * {@code instructions}, {@code output[]} items). Also a bare list of role/content messages, which is how most
 * hand-written apps log their conversation.
 */
public final class OpenAiChatNormaliser implements ChatNormaliser {

    @Override
    public String format() {
        return "openai";
    }

    @Override
    public List<ChatMessage> normalise(JsonNode value) {
        if (value.isArray()) return messages(value);
        if (!value.isObject()) return List.of();
        JsonNode request = JsonValues.field(value, "request");
        if (request != null && request.isObject()) return normalise(request);
        JsonNode messages = JsonValues.field(value, "messages");
        if (messages != null) return messages(messages);
        JsonNode choices = JsonValues.field(value, "choices");
        if (choices != null && choices.isArray()) return choices(choices);
        List<ChatMessage> responses = responses(value);
        if (!responses.isEmpty()) return responses;
        return message(value).map(List::of).orElse(List.of());
    }

    private static List<ChatMessage> messages(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) return List.of();
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : array) {
            Optional<ChatMessage> msg = message(m);
            if (msg.isEmpty()) return List.of(); // one foreign element means the list is not OpenAI's
            out.add(msg.get());
        }
        return out;
    }

    private static List<ChatMessage> choices(JsonNode choices) {
        for (JsonNode c : choices) {
            JsonNode m = JsonValues.field(c, "message");
            if (m == null) m = JsonValues.field(c, "delta");
            Optional<ChatMessage> msg = m == null ? Optional.empty() : message(m);
            if (msg.isPresent()) return List.of(msg.get()); // MLflow shows the first choice
        }
        return List.of();
    }

    /** A role/content message; empty when the object is not one (no role, or content in a foreign block format). */
    static Optional<ChatMessage> message(JsonNode m) {
        if (!m.isObject() || m.has("parts") || m.has("lc")) return Optional.empty();
        Optional<ChatRole> role = ChatRole.parse(JsonValues.text(m, "role"));
        if (role.isEmpty()) return Optional.empty();
        JsonNode content = JsonValues.field(m, "content");
        if (content != null && !content.isString() && !content.isArray()) return Optional.empty();
        if (content != null && content.isArray() && !ownBlocks(content)) return Optional.empty();
        List<ToolCallRequest> calls = new ArrayList<>();
        for (JsonNode tc : JsonValues.elements(JsonValues.field(m, "tool_calls"))) {
            JsonNode fn = JsonValues.field(tc, "function");
            if (fn != null) calls.add(new ToolCallRequest(idOf(tc), JsonValues.text(fn, "name"), arguments(fn)));
        }
        JsonNode legacyCall = JsonValues.field(m, "function_call");
        if (legacyCall != null && legacyCall.isObject()) {
            calls.add(new ToolCallRequest(null, JsonValues.text(legacyCall, "name"), arguments(legacyCall)));
        }
        String toolCallId = JsonValues.text(m, "tool_call_id");
        return Optional.of(new ChatMessage(role.get(), ContentParts.render(content), calls,
                toolCallId.isEmpty() ? null : toolCallId, false));
    }

    /** OpenAI content parts all carry a type this format knows; Anthropic/Bedrock blocks do not. */
    private static boolean ownBlocks(JsonNode parts) {
        for (JsonNode p : parts) {
            if (p.isString()) continue;
            String type = JsonValues.text(p, "type");
            if (!(type.equals("text") || type.equals("image_url") || type.equals("input_audio")
                    || type.equals("input_text") || type.equals("output_text") || type.equals("input_image")
                    || type.equals("refusal") || type.equals("file") || type.equals("input_file"))) {
                return false;
            }
        }
        return true;
    }

    /** The Responses API: {@code input} + {@code instructions} in the request, {@code output[]} items in the response. */
    private static List<ChatMessage> responses(JsonNode value) {
        JsonNode output = JsonValues.field(value, "output");
        if (output != null && output.isArray() && !output.isEmpty() && allTypedItems(output)) return items(output);
        JsonNode input = JsonValues.field(value, "input");
        if (input == null) return List.of();
        List<ChatMessage> out = new ArrayList<>();
        String instructions = JsonValues.text(value, "instructions");
        if (!instructions.isBlank()) out.add(ChatMessage.of(ChatRole.SYSTEM, instructions));
        // {"input": "text"} alone is an ordinary dict; only a request naming a model is the Responses API
        if (input.isString() && (value.has("model") || !instructions.isBlank())) {
            out.add(ChatMessage.of(ChatRole.USER, input.stringValue()));
            return out;
        }
        if (input.isArray() && !input.isEmpty()) {
            List<ChatMessage> items = items(input);
            if (items.isEmpty()) return List.of();
            out.addAll(items);
            return out;
        }
        return List.of();
    }

    private static boolean allTypedItems(JsonNode items) {
        for (JsonNode i : items) {
            if (JsonValues.text(i, "type").isEmpty()) return false;
        }
        return true;
    }

    private static List<ChatMessage> items(JsonNode items) {
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode item : items) {
            String type = JsonValues.text(item, "type");
            switch (type) {
                case "message", "" -> {
                    Optional<ChatMessage> m = message(item);
                    if (m.isEmpty()) return List.of();
                    out.add(m.get());
                }
                case "function_call", "custom_tool_call" -> out.add(new ChatMessage(ChatRole.ASSISTANT, "",
                        List.of(new ToolCallRequest(callId(item), JsonValues.text(item, "name"), arguments(item))),
                        null, false));
                case "function_call_output", "custom_tool_call_output" ->
                    out.add(ChatMessage.toolResult(callId(item), JsonValues.asText(JsonValues.field(item, "output")),
                            false));
                default -> {
                } // reasoning, web search calls, …: steps, not conversation
            }
        }
        return out;
    }

    private static @Nullable String callId(JsonNode item) {
        String id = JsonValues.text(item, "call_id");
        return id.isEmpty() ? idOf(item) : id;
    }

    private static @Nullable String idOf(JsonNode n) {
        String id = JsonValues.asText(JsonValues.field(n, "id"));
        return id.isEmpty() ? null : id;
    }

    private static String arguments(JsonNode fn) {
        JsonNode a = JsonValues.field(fn, "arguments");
        if (a == null) a = JsonValues.field(fn, "input");
        return JsonValues.asText(a);
    }
}
