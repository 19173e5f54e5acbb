package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.PyJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI Responses API: {@code {"input":[…]}} in, {@code {"output":[{"type":"message",…}]}} out. */
public final class OpenAiResponsesFormat extends NamedChatFormat {

    public OpenAiResponsesFormat() {
        super("openai-responses", "openai");
    }

    @Override
    public JsonNode request(ChatRequest r) {
        ObjectNode body = Json.obj();
        body.put("model", r.model());
        body.put("instructions", r.systemPrompt());
        body.set("input", inputItems(r));
        if (!r.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : r.tools()) {
                ObjectNode tool = tools.addObject();
                tool.put("type", "function");
                tool.put("name", t.name());
                tool.put("description", t.description());
                tool.set("parameters", t.parameters());
            }
        }
        return body;
    }

    /** A ResponsesAgent entry point receives only the input items. */
    @Override
    public JsonNode rootInputs(ChatRequest conversation) {
        ObjectNode body = Json.obj();
        body.set("input", inputItems(conversation));
        return body;
    }

    @Override
    public JsonNode response(ChatRequest request, ChatReply reply) {
        ObjectNode body = Json.obj();
        body.put("id", "resp_" + reply.responseToken());
        body.put("object", "response");
        body.put("created_at", reply.createdEpochSeconds());
        body.put("status", "completed");
        body.put("model", reply.model());
        ArrayNode output = body.putArray("output");
        for (ToolCall c : reply.toolCalls()) {
            ObjectNode item = output.addObject();
            item.put("type", "function_call");
            item.put("id", "fc_" + c.id());
            item.put("call_id", c.id());
            item.put("name", c.name());
            item.put("arguments", PyJson.dumps(c.arguments()));
            item.put("status", "completed");
        }
        if (!reply.text().isEmpty()) {
            ObjectNode item = output.addObject();
            item.put("type", "message");
            item.put("id", "msg_" + reply.responseToken());
            item.put("status", "completed");
            item.put("role", "assistant");
            ObjectNode part = item.putArray("content").addObject();
            part.put("type", "output_text");
            part.put("text", reply.text());
            part.putArray("annotations");
        }
        ObjectNode usage = body.putObject("usage");
        usage.put("input_tokens", reply.inputTokens());
        usage.put("output_tokens", reply.outputTokens());
        usage.put("total_tokens", reply.totalTokens());
        return body;
    }

    @Override
    public String requestPreview(ChatRequest conversation, JsonNode rootInputs) {
        return conversation.lastUserText();
    }

    @Override
    public String responsePreview(ChatReply reply, JsonNode rootOutputs) {
        return reply.text();
    }

    private static ArrayNode inputItems(ChatRequest r) {
        ArrayNode input = Json.arr();
        for (ChatMessage m : r.messages()) {
            switch (m.role()) {
                case SYSTEM -> input.add(message("system", m.text()));
                case USER -> input.add(message("user", m.text()));
                case ASSISTANT -> {
                    if (!m.text().isEmpty()) input.add(message("assistant", m.text()));
                    for (ToolCall c : m.toolCalls()) {
                        ObjectNode call = input.addObject();
                        call.put("type", "function_call");
                        call.put("call_id", c.id());
                        call.put("name", c.name());
                        call.put("arguments", PyJson.dumps(c.arguments()));
                    }
                }
                case TOOL -> {
                    ObjectNode out = input.addObject();
                    out.put("type", "function_call_output");
                    out.put("call_id", m.toolCallId());
                    out.put("output", m.text());
                }
            }
        }
        return input;
    }

    private static ObjectNode message(String role, String content) {
        ObjectNode n = Json.obj();
        n.put("role", role);
        n.put("content", content);
        return n;
    }

    @Override
    public String modelSpanName(String model) {
        return "Responses.create";
    }
}
