package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Amazon Bedrock Converse (fixture 16): {@code {text}|{toolUse}|{toolResult}} blocks, {@code {output:{message}}} out. */
public final class BedrockConverseFormat extends NamedChatFormat {

    public BedrockConverseFormat() {
        super("bedrock-converse", "bedrock");
    }

    @Override
    public JsonNode request(ChatRequest r) {
        ObjectNode body = Json.obj();
        body.put("modelId", r.model());
        body.putArray("system").addObject().put("text", r.systemPrompt());
        ArrayNode messages = body.putArray("messages");
        ObjectNode pendingToolResults = null;
        for (ChatMessage m : r.messages()) {
            if (m.role() == Role.TOOL) {
                // Converse, like Anthropic, groups one turn's tool results into a single user message.
                if (pendingToolResults == null) {
                    pendingToolResults = messages.addObject();
                    pendingToolResults.put("role", "user");
                    pendingToolResults.putArray("content");
                }
                ObjectNode result = ((ArrayNode) pendingToolResults.get("content")).addObject().putObject("toolResult");
                result.put("toolUseId", m.toolCallId());
                result.putArray("content").addObject().put("text", m.text());
                result.put("status", "success");
                continue;
            }
            pendingToolResults = null;
            ObjectNode msg = messages.addObject();
            msg.put("role", m.role() == Role.ASSISTANT ? "assistant" : "user");
            msg.set("content", content(m));
        }
        ObjectNode config = body.putObject("inferenceConfig");
        config.put("maxTokens", 1024);
        config.put("temperature", 0.2);
        if (!r.tools().isEmpty()) {
            ArrayNode tools = body.putObject("toolConfig").putArray("tools");
            for (ToolSpec t : r.tools()) {
                ObjectNode spec = tools.addObject().putObject("toolSpec");
                spec.put("name", t.name());
                spec.put("description", t.description());
                spec.putObject("inputSchema").set("json", t.parameters());
            }
        }
        return body;
    }

    @Override
    public JsonNode response(ChatRequest request, ChatReply reply) {
        ObjectNode body = Json.obj();
        ObjectNode message = body.putObject("output").putObject("message");
        message.put("role", "assistant");
        message.set("content", content(ChatMessage.assistantCalling("", reply.text(), reply.toolCalls())));
        body.put("stopReason", reply.callsTools() ? "tool_use" : "end_turn");
        ObjectNode usage = body.putObject("usage");
        usage.put("inputTokens", reply.inputTokens());
        usage.put("outputTokens", reply.outputTokens());
        usage.put("totalTokens", reply.totalTokens());
        body.putObject("metrics").put("latencyMs", reply.latencyMs());
        return body;
    }

    private static ArrayNode content(ChatMessage m) {
        ArrayNode content = Json.arr();
        if (!m.text().isEmpty()) content.addObject().put("text", m.text());
        for (ToolCall c : m.toolCalls()) {
            ObjectNode use = content.addObject().putObject("toolUse");
            use.put("toolUseId", c.id());
            use.put("name", c.name());
            use.set("input", c.arguments());
        }
        return content;
    }

    @Override
    public String modelSpanName(String model) {
        return "BedrockRuntime.converse";
    }

    @Override
    public String toolCallIdPrefix() {
        return "tooluse_";
    }
}
