package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenTelemetry GenAI semantic conventions (fixture 17): {@code [{role, parts:[…]}]} messages. The messages also
 * stay in {@code gen_ai.input.messages} / {@code gen_ai.output.messages}, because MLflow's OTLP translation fills
 * {@code mlflow.spanInputs}/{@code spanOutputs} from them but keeps the original attributes.
 */
public final class OtelGenAiFormat extends NamedChatFormat {

    public OtelGenAiFormat() {
        super("otel-genai", null);
    }

    @Override
    public JsonNode request(ChatRequest r) {
        ArrayNode messages = Json.arr();
        messages.add(textMessage("system", r.systemPrompt()));
        r.messages().forEach(m -> messages.add(message(m)));
        return messages;
    }

    @Override
    public JsonNode rootInputs(ChatRequest conversation) {
        ArrayNode messages = Json.arr();
        conversation.messages().forEach(m -> messages.add(message(m)));
        return messages;
    }

    @Override
    public JsonNode response(ChatRequest request, ChatReply reply) {
        ArrayNode out = Json.arr();
        ObjectNode message = message(ChatMessage.assistantCalling("", reply.text(), reply.toolCalls()));
        message.put("finish_reason", reply.callsTools() ? "tool_call" : "stop");
        out.add(message);
        return out;
    }

    @Override
    public Map<String, JsonNode> modelSpanAttributes(ChatRequest request, @Nullable ChatReply reply) {
        Map<String, JsonNode> attrs = new LinkedHashMap<>();
        attrs.put("gen_ai.operation.name", Json.str("chat"));
        attrs.put("gen_ai.request.model", Json.str(request.model()));
        attrs.put("gen_ai.input.messages", request(request));
        if (reply != null) {
            attrs.put("gen_ai.response.model", Json.str(reply.model()));
            attrs.put("gen_ai.usage.input_tokens", Json.num(reply.inputTokens()));
            attrs.put("gen_ai.usage.output_tokens", Json.num(reply.outputTokens()));
            attrs.put("gen_ai.output.messages", response(request, reply));
        }
        return attrs;
    }

    @Override
    public Map<String, JsonNode> rootSpanAttributes(ChatRequest conversation, @Nullable ChatReply reply) {
        Map<String, JsonNode> attrs = new LinkedHashMap<>();
        attrs.put("gen_ai.operation.name", Json.str("invoke_agent"));
        attrs.put("gen_ai.input.messages", rootInputs(conversation));
        if (reply != null) attrs.put("gen_ai.output.messages", response(conversation, reply));
        return attrs;
    }

    private static ObjectNode message(ChatMessage m) {
        ObjectNode n = Json.obj();
        n.put("role", switch (m.role()) {
            case SYSTEM -> "system";
            case USER -> "user";
            case ASSISTANT -> "assistant";
            case TOOL -> "tool";
        });
        ArrayNode parts = n.putArray("parts");
        if (m.role() == Role.TOOL) {
            ObjectNode p = parts.addObject();
            p.put("type", "tool_call_response");
            p.put("id", m.toolCallId());
            p.set("response", Json.parseOrString(m.text()));
            return n;
        }
        if (!m.text().isEmpty()) {
            ObjectNode p = parts.addObject();
            p.put("type", "text");
            p.put("content", m.text());
        }
        for (ToolCall c : m.toolCalls()) {
            ObjectNode p = parts.addObject();
            p.put("type", "tool_call");
            p.put("id", c.id());
            p.put("name", c.name());
            p.set("arguments", c.arguments());
        }
        return n;
    }

    private static ObjectNode textMessage(String role, String text) {
        ObjectNode n = Json.obj();
        n.put("role", role);
        ObjectNode p = n.putArray("parts").addObject();
        p.put("type", "text");
        p.put("content", text);
        return n;
    }

    /** GenAI semconv names a chat span "{operation} {model}". */
    @Override
    public String modelSpanName(String model) {
        return "chat " + model;
    }
}
