package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.PyJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI Chat Completions: {@code {"messages":[…]}} in, {@code {"choices":[{"message":…}]}} out (fixture 12). */
public final class OpenAiChatFormat extends NamedChatFormat {

    public OpenAiChatFormat() {
        super("openai-chat", "openai");
    }

    @Override
    public JsonNode request(ChatRequest r) {
        ObjectNode body = Json.obj();
        body.put("model", r.model());
        ArrayNode messages = body.putArray("messages");
        messages.add(message("system", r.systemPrompt()));
        r.messages().forEach(m -> messages.add(message(m)));
        body.put("temperature", 0.2);
        if (!r.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            r.tools().forEach(t -> tools.add(t.openAiDefinition()));
        }
        return body;
    }

    /** A chat app's entry point gets the conversation only; the model and sampling settings are the app's. */
    @Override
    public JsonNode rootInputs(ChatRequest conversation) {
        ObjectNode body = Json.obj();
        ArrayNode messages = body.putArray("messages");
        conversation.messages().forEach(m -> messages.add(message(m)));
        return body;
    }

    @Override
    public JsonNode response(ChatRequest request, ChatReply reply) {
        ObjectNode body = Json.obj();
        body.put("id", "chatcmpl-" + reply.responseToken());
        body.put("object", "chat.completion");
        body.put("created", reply.createdEpochSeconds());
        body.put("model", reply.model());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (reply.callsTools()) {
            if (reply.text().isEmpty()) message.putNull("content");
            else
                message.put("content", reply.text());
            message.set("tool_calls", toolCalls(reply.toolCalls()));
        } else {
            message.put("content", reply.text());
            message.putNull("refusal");
        }
        choice.put("finish_reason", reply.callsTools() ? "tool_calls" : "stop");
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", reply.inputTokens());
        usage.put("completion_tokens", reply.outputTokens());
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

    /**
     * The legacy {@code mlflow.chat.messages} attribute (2.x to early 3.x): the request's messages and the reply as
     * one OpenAI-style list, whatever provider was called.
     */
    public static ArrayNode legacyChatMessages(ChatRequest request, ChatReply reply) {
        ArrayNode messages = Json.arr();
        messages.add(message("system", request.systemPrompt()));
        request.messages().forEach(m -> messages.add(message(m)));
        messages.add(message(ChatMessage.assistantCalling("", reply.text(), reply.toolCalls())));
        return messages;
    }

    static ObjectNode message(ChatMessage m) {
        return switch (m.role()) {
            case SYSTEM -> message("system", m.text());
            case USER -> message("user", m.text());
            case TOOL -> {
                ObjectNode n = message("tool", m.text());
                n.put("tool_call_id", m.toolCallId());
                yield n;
            }
            case ASSISTANT -> {
                if (!m.hasToolCalls()) yield message("assistant", m.text());
                ObjectNode n = Json.obj();
                n.put("role", "assistant");
                if (m.text().isEmpty()) n.putNull("content");
                else
                    n.put("content", m.text());
                n.set("tool_calls", toolCalls(m.toolCalls()));
                yield n;
            }
        };
    }

    private static ObjectNode message(String role, String content) {
        ObjectNode n = Json.obj();
        n.put("role", role);
        n.put("content", content);
        return n;
    }

    private static ArrayNode toolCalls(java.util.List<ToolCall> calls) {
        ArrayNode a = Json.arr();
        for (ToolCall c : calls) {
            ObjectNode call = a.addObject();
            call.put("id", c.id());
            call.put("type", "function");
            ObjectNode fn = call.putObject("function");
            fn.put("name", c.name());
            // OpenAI sends arguments as a JSON string, not as an object.
            fn.put("arguments", PyJson.dumps(c.arguments()));
        }
        return a;
    }
}
