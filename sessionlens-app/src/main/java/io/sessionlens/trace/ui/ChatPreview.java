package io.sessionlens.trace.ui;

import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A quick look at a span's inputs and outputs as a conversation, when they look like chat messages: OpenAI-style
 * {@code messages} / {@code choices[].message}, LangChain message lists and {@code generations}, and MLflow's own
 * {@code mlflow.chat.messages}. Deliberately simple: the full normalisers for every provider live in the analysis layer;
 * anything this does not recognise just shows no Chat tab.
 */
final class ChatPreview {
    record Line(String role, String content) {}

    private ChatPreview() {}

    static List<Line> of(Span span) {
        List<Line> lines = new ArrayList<>();
        String chat = span.attribute(MlflowKeys.CHAT_MESSAGES);
        if (chat != null) {
            JsonDisplay.parse(chat).ifPresent(n -> collect(unwrapString(n), lines));
            if (!lines.isEmpty()) return lines;
        }
        input(span).flatMap(JsonDisplay::parse).ifPresent(n -> collect(unwrapString(n), lines));
        output(span).flatMap(JsonDisplay::parse).ifPresent(n -> collect(unwrapString(n), lines));
        return lines;
    }

    static Optional<String> input(Span span) {
        return Optional.ofNullable(span.attribute(MlflowKeys.SPAN_INPUTS)).or(() -> Optional.ofNullable(span.attribute(MlflowKeys.OI_INPUT)));
    }

    static Optional<String> output(Span span) {
        return Optional.ofNullable(span.attribute(MlflowKeys.SPAN_OUTPUTS)).or(() -> Optional.ofNullable(span.attribute(MlflowKeys.OI_OUTPUT)));
    }

    /** Some exporters JSON-encode the JSON text once more. */
    private static JsonNode unwrapString(JsonNode n) {
        if (n.isString()) return JsonDisplay.parse(n.asString()).filter(x -> x.isObject() || x.isArray()).orElse(n);
        return n;
    }

    private static void collect(JsonNode n, List<Line> out) {
        if (n.isArray()) {
            for (JsonNode item : n) {
                if (item.isArray()) collect(item, out);   // LangChain: a batch of message lists
                else message(item).ifPresent(out::add);
            }
        } else if (n.isObject()) {
            if (n.path("messages").isArray()) collect(n.path("messages"), out);
            if (n.path("choices").isArray()) {
                for (JsonNode c : n.path("choices")) message(c.path("message")).ifPresent(out::add);
            }
            if (n.path("generations").isArray()) {
                for (JsonNode batch : n.path("generations")) {
                    for (JsonNode g : batch.isArray() ? batch : List.of(batch)) message(g.path("message")).ifPresent(out::add);
                }
            }
            if (n.has("role") || (n.has("type") && n.has("content"))) message(n).ifPresent(out::add);
        }
    }

    private static Optional<Line> message(JsonNode m) {
        if (!m.isObject()) return Optional.empty();
        String role = role(m);
        if (role == null) return Optional.empty();
        StringBuilder text = new StringBuilder(content(m.path("content")));
        for (JsonNode call : toolCalls(m)) {
            JsonNode fn = call.path("function");
            String name = fn.isObject() ? fn.path("name").asString("") : call.path("name").asString("");
            JsonNode args = fn.isObject() ? fn.path("arguments") : call.path("args");
            if (!text.isEmpty()) text.append('\n');
            text.append("→ ").append(name).append('(').append(args.isString() ? args.asString() : args.isMissingNode() ? "" : args.toString())
                    .append(')');
        }
        return Optional.of(new Line(role, text.toString()));
    }

    private static @Nullable String role(JsonNode m) {
        String role = m.path("role").asString(null);
        if (role == null) {
            String type = m.path("type").asString(null);   // LangChain BaseMessage
            if (type == null) return null;
            role = switch (type.toLowerCase(Locale.ROOT)) {
                case "human" -> "user";
                case "ai" -> "assistant";
                default -> type;
            };
        }
        return role.toLowerCase(Locale.ROOT);
    }

    private static List<JsonNode> toolCalls(JsonNode m) {
        List<JsonNode> calls = new ArrayList<>();
        m.path("tool_calls").forEach(calls::add);
        if (calls.isEmpty()) m.path("additional_kwargs").path("tool_calls").forEach(calls::add);
        return calls;
    }

    private static String content(JsonNode c) {
        if (c.isString()) return c.asString();
        if (c.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : c) {
                String t = part.isString() ? part.asString() : part.path("text").asString(part.path("content").asString(""));
                if (t.isEmpty()) continue;
                if (!sb.isEmpty()) sb.append('\n');
                sb.append(t);
            }
            return sb.toString();
        }
        return c.isMissingNode() || c.isNull() ? "" : c.toString();
    }
}
