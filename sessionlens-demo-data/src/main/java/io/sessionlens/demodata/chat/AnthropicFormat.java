package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic Messages (fixture 14): content blocks, {@code tool_use} / {@code tool_result}, the Message object out. */
public final class AnthropicFormat extends NamedChatFormat {

    public AnthropicFormat() {
        super("anthropic", "anthropic");
    }

    @Override
    public JsonNode request(ChatRequest r) {
        ObjectNode body = Json.obj();
        body.put("model", r.model());
        body.put("max_tokens", 1024);
        body.put("system", r.systemPrompt());
        body.set("messages", messages(r));
        if (!r.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : r.tools()) {
                ObjectNode tool = tools.addObject();
                tool.put("name", t.name());
                tool.put("description", t.description());
                tool.set("input_schema", t.parameters());
            }
        }
        return body;
    }

    @Override
    public JsonNode response(ChatRequest request, ChatReply reply) {
        ObjectNode body = Json.obj();
        body.put("id", "msg_" + reply.responseToken());
        body.put("type", "message");
        body.put("role", "assistant");
        body.put("model", reply.model());
        body.set("content", blocks(reply.text(), reply.toolCalls()));
        body.put("stop_reason", reply.callsTools() ? "tool_use" : "end_turn");
        body.putNull("stop_sequence");
        ObjectNode usage = body.putObject("usage");
        usage.put("input_tokens", reply.inputTokens());
        usage.put("output_tokens", reply.outputTokens());
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        return body;
    }

    @Override
    public String requestPreview(ChatRequest conversation, JsonNode rootInputs) {
        return conversation.lastUserText();
    }

    private static ArrayNode messages(ChatRequest r) {
        ArrayNode out = Json.arr();
        ObjectNode pendingToolResults = null;
        for (ChatMessage m : r.messages()) {
            if (m.role() == Role.TOOL) {
                // Anthropic wants all results of one assistant turn in a single user message.
                if (pendingToolResults == null) {
                    pendingToolResults = out.addObject();
                    pendingToolResults.put("role", "user");
                    pendingToolResults.putArray("content");
                }
                ObjectNode block = ((ArrayNode) pendingToolResults.get("content")).addObject();
                block.put("type", "tool_result");
                block.put("tool_use_id", m.toolCallId());
                block.put("content", m.text());
                continue;
            }
            pendingToolResults = null;
            ObjectNode msg = out.addObject();
            msg.put("role", m.role() == Role.ASSISTANT ? "assistant" : "user");
            msg.set("content", blocks(m.text(), m.toolCalls()));
        }
        return out;
    }

    private static ArrayNode blocks(String text, java.util.List<ToolCall> calls) {
        ArrayNode content = Json.arr();
        if (!text.isEmpty()) {
            ObjectNode b = content.addObject();
            b.put("type", "text");
            b.put("text", text);
        }
        for (ToolCall c : calls) {
            ObjectNode b = content.addObject();
            b.put("type", "tool_use");
            b.put("id", c.id());
            b.put("name", c.name());
            b.set("input", c.arguments());
        }
        return content;
    }

    @Override
    public String modelSpanName(String model) {
        return "Messages.create";
    }

    @Override
    public String toolCallIdPrefix() {
        return "toolu_01";
    }
}
