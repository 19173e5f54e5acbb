package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Google Gemini {@code generate_content} (fixture 15): {@code contents} in, {@code candidates} out, role "model". */
public final class GeminiFormat extends NamedChatFormat {

    public GeminiFormat() {
        super("gemini", "gemini");
    }

    @Override
    public JsonNode request(ChatRequest r) {
        ObjectNode body = Json.obj();
        body.put("model", r.model());
        ArrayNode contents = body.putArray("contents");
        for (ChatMessage m : r.messages()) {
            ObjectNode content = contents.addObject();
            content.put("role", m.role() == Role.ASSISTANT ? "model" : "user");
            content.set("parts", parts(m));
        }
        ObjectNode config = body.putObject("config");
        config.put("system_instruction", r.systemPrompt());
        config.put("temperature", 0.3);
        if (!r.tools().isEmpty()) {
            ArrayNode declarations = config.putArray("tools").addObject().putArray("function_declarations");
            for (ToolSpec t : r.tools()) {
                ObjectNode d = declarations.addObject();
                d.put("name", t.name());
                d.put("description", t.description());
                d.set("parameters", t.parameters());
            }
        }
        return body;
    }

    @Override
    public JsonNode response(ChatRequest request, ChatReply reply) {
        ObjectNode body = Json.obj();
        ObjectNode candidate = body.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.set("parts", parts(ChatMessage.assistantCalling("", reply.text(), reply.toolCalls())));
        content.put("role", "model");
        candidate.put("finish_reason", "STOP");
        candidate.put("index", 0);
        candidate.putNull("safety_ratings");
        body.put("model_version", reply.model());
        ObjectNode usage = body.putObject("usage_metadata");
        usage.put("prompt_token_count", reply.inputTokens());
        usage.put("candidates_token_count", reply.outputTokens());
        usage.put("total_token_count", reply.totalTokens());
        return body;
    }

    private static ArrayNode parts(ChatMessage m) {
        ArrayNode parts = Json.arr();
        if (m.role() == Role.TOOL) {
            ObjectNode fr = parts.addObject().putObject("function_response");
            fr.put("name", m.toolName());
            fr.putObject("response").set("result", Json.parseOrString(m.text()));
            return parts;
        }
        if (!m.text().isEmpty()) parts.addObject().put("text", m.text());
        for (ToolCall c : m.toolCalls()) {
            ObjectNode fc = parts.addObject().putObject("function_call");
            fc.put("id", c.id());
            fc.put("name", c.name());
            fc.set("args", c.arguments());
        }
        return parts;
    }

    @Override
    public String modelSpanName(String model) {
        return "Models.generate_content";
    }
}
