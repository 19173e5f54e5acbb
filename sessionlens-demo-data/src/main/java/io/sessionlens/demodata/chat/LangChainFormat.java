package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * LangChain / LangGraph (fixture 13). The graph's root receives and returns its whole {@code messages} state, so
 * history accumulates in both; the chat-model span gets {@code [[BaseMessage…]]} and returns an LLMResult.
 */
public final class LangChainFormat extends NamedChatFormat {

    public LangChainFormat() {
        super("langchain", "langchain");
    }

    @Override
    public @Nullable String rootMessageFormat() {
        return "langchain";
    }

    @Override
    public JsonNode request(ChatRequest r) {
        ArrayNode batch = Json.arr();
        ArrayNode messages = batch.addArray();
        messages.add(message("system", r.systemPrompt(), null));
        r.messages().forEach(m -> messages.add(message(m)));
        return batch;
    }

    @Override
    public JsonNode response(ChatRequest request, ChatReply reply) {
        ObjectNode result = Json.obj();
        ObjectNode generation = result.putArray("generations").addArray().addObject();
        generation.put("text", reply.text());
        ObjectNode info = generation.putObject("generation_info");
        info.put("finish_reason", reply.callsTools() ? "tool_calls" : "stop");
        info.putNull("logprobs");
        generation.put("type", "ChatGeneration");
        ObjectNode message = aiMessage(reply.text(), reply.toolCalls(), "run-" + reply.responseToken() + "-0");
        ObjectNode meta = message.putObject("response_metadata");
        meta.set("token_usage", tokenUsage(reply));
        meta.put("model_name", reply.model());
        meta.put("finish_reason", reply.callsTools() ? "tool_calls" : "stop");
        generation.set("message", message);
        ObjectNode llmOutput = result.putObject("llm_output");
        llmOutput.set("token_usage", tokenUsage(reply));
        llmOutput.put("model_name", reply.model());
        result.putNull("run");
        result.put("type", "LLMResult");
        return result;
    }

    @Override
    public JsonNode rootInputs(ChatRequest conversation) {
        ObjectNode state = Json.obj();
        ArrayNode messages = state.putArray("messages");
        conversation.messages().forEach(m -> messages.add(message(m)));
        return state;
    }

    @Override
    public JsonNode rootOutputs(ChatRequest conversation, ChatReply reply) {
        ObjectNode state = (ObjectNode) rootInputs(conversation);
        ((ArrayNode) state.get("messages"))
                .add(aiMessage(reply.text(), List.of(), "run-" + reply.responseToken() + "-0"));
        return state;
    }

    private static ObjectNode message(ChatMessage m) {
        return switch (m.role()) {
            case SYSTEM -> message("system", m.text(), m.id());
            case USER -> message("human", m.text(), m.id());
            case ASSISTANT -> aiMessage(m.text(), m.toolCalls(), m.id());
            case TOOL -> {
                ObjectNode n = message("tool", m.text(), m.id());
                n.put("tool_call_id", m.toolCallId());
                n.put("name", m.toolName());
                n.putNull("artifact");
                n.put("status", "success");
                yield n;
            }
        };
    }

    private static ObjectNode message(String type, String content, @Nullable String id) {
        ObjectNode n = Json.obj();
        n.put("content", content);
        n.putObject("additional_kwargs");
        n.putObject("response_metadata");
        n.put("type", type);
        n.putNull("name");
        if (id == null) n.putNull("id");
        else
            n.put("id", id);
        if (type.equals("human") || type.equals("system")) n.put("example", false);
        return n;
    }

    private static ObjectNode aiMessage(String content, List<ToolCall> calls, String id) {
        ObjectNode n = message("ai", content, id);
        n.put("example", false);
        ArrayNode toolCalls = n.putArray("tool_calls");
        for (ToolCall c : calls) {
            ObjectNode call = toolCalls.addObject();
            call.put("name", c.name());
            call.set("args", c.arguments());
            call.put("id", c.id());
            call.put("type", "tool_call");
        }
        return n;
    }

    private static ObjectNode tokenUsage(ChatReply reply) {
        ObjectNode u = Json.obj();
        u.put("completion_tokens", reply.outputTokens());
        u.put("prompt_tokens", reply.inputTokens());
        u.put("total_tokens", reply.totalTokens());
        return u;
    }

    @Override
    public String modelSpanName(String model) {
        return "ChatOpenAI";
    }
}
