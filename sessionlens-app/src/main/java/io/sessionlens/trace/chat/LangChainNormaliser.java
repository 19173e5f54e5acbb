package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * LangChain and LangGraph: chat-model inputs as {@code [[BaseMessage]]} (a batch of one), LangGraph state
 * {@code {messages: [BaseMessage]}}, a bare {@code [BaseMessage]}, {@code LLMResult} outputs
 * ({@code {generations: [[{message|text}]]}}) and the {@code lc} constructor form of serialised messages. A message
 * is recognised by its {@code type} ({@code human}, {@code ai}, {@code system}, {@code tool}, …).
 */
public final class LangChainNormaliser implements ChatNormaliser {

    @Override
    public String format() {
        return "langchain";
    }

    @Override
    public List<ChatMessage> normalise(JsonNode value) {
        if (value.isArray()) return list(value);
        if (!value.isObject()) return List.of();
        JsonNode messages = JsonValues.field(value, "messages");
        if (messages != null) return list(messages);
        JsonNode generations = JsonValues.field(value, "generations");
        if (generations != null) return generations(generations);
        return message(value).map(List::of).orElse(List.of());
    }

    /** {@code [[m, …]]} (MLflow shows the first batch) or {@code [m, …]}. */
    private static List<ChatMessage> list(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) return List.of();
        JsonNode first = array.get(0);
        if (first.isArray()) return list(first);
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : array) {
            Optional<ChatMessage> msg = message(m);
            if (msg.isEmpty()) return List.of();
            out.add(msg.get());
        }
        return out;
    }

    private static List<ChatMessage> generations(JsonNode generations) {
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode g : JsonValues.elements(firstBatch(generations))) {
            JsonNode m = JsonValues.field(g, "message");
            Optional<ChatMessage> msg = m == null ? Optional.empty() : message(m);
            if (msg.isPresent()) {
                out.add(msg.get());
            } else if (JsonValues.field(g, "text") != null) {
                out.add(ChatMessage.of(ChatRole.ASSISTANT, JsonValues.text(g, "text")));
            }
        }
        return out;
    }

    private static @Nullable JsonNode firstBatch(JsonNode generations) {
        return generations.isArray() && !generations.isEmpty() && generations.get(0).isArray()
                ? generations.get(0)
                : generations;
    }

    static Optional<ChatMessage> message(JsonNode m) {
        if (!m.isObject()) return Optional.empty();
        JsonNode body = m;
        String type = JsonValues.text(m, "type");
        if (m.has("lc") && type.equals("constructor")) { // {"lc":1,"type":"constructor","id":[…,"HumanMessage"],"kwargs":{…}}
            JsonNode id = JsonValues.field(m, "id");
            type = id != null && id.isArray() && !id.isEmpty() ? JsonValues.asText(id.get(id.size() - 1)) : "";
            body = JsonValues.field(m, "kwargs") == null ? m : m.get("kwargs");
        }
        Optional<ChatRole> role = roleOf(type, body);
        if (role.isEmpty()) return Optional.empty();
        JsonNode content = JsonValues.field(body, "content");
        String toolCallId = JsonValues.text(body, "tool_call_id");
        boolean error = JsonValues.text(body, "status").equals("error");
        return Optional.of(new ChatMessage(role.get(), ContentParts.render(content), toolCalls(body),
                toolCallId.isEmpty() ? null : toolCallId, error));
    }

    /** {@code human}, {@code HumanMessage}, {@code AIMessageChunk}…; a {@code chat} message names its role. */
    private static Optional<ChatRole> roleOf(String type, JsonNode body) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.endsWith("messagechunk")) t = t.substring(0, t.length() - "messagechunk".length());
        else if (t.endsWith("message")) t = t.substring(0, t.length() - "message".length());
        if (t.equals("chat")) return ChatRole.parse(JsonValues.text(body, "role"));
        return ChatRole.parse(t);
    }

    private static List<ToolCallRequest> toolCalls(JsonNode body) {
        List<ToolCallRequest> calls = new ArrayList<>();
        for (JsonNode tc : JsonValues.elements(JsonValues.field(body, "tool_calls"))) {
            JsonNode fn = JsonValues.field(tc, "function");
            if (fn != null) {
                calls.add(new ToolCallRequest(id(tc), JsonValues.text(fn, "name"),
                        JsonValues.asText(JsonValues.field(fn, "arguments"))));
            } else {
                calls.add(new ToolCallRequest(id(tc), JsonValues.text(tc, "name"),
                        JsonValues.asText(JsonValues.field(tc, "args"))));
            }
        }
        if (!calls.isEmpty()) return calls;
        JsonNode kwargs = JsonValues.field(body, "additional_kwargs");
        for (JsonNode tc : JsonValues.elements(JsonValues.field(kwargs, "tool_calls"))) {
            JsonNode fn = JsonValues.field(tc, "function");
            if (fn != null) {
                calls.add(new ToolCallRequest(id(tc), JsonValues.text(fn, "name"),
                        JsonValues.asText(JsonValues.field(fn, "arguments"))));
            }
        }
        return calls;
    }

    private static @Nullable String id(JsonNode tc) {
        String id = JsonValues.asText(JsonValues.field(tc, "id"));
        return id.isEmpty() ? null : id;
    }
}
