package io.sessionlens.demo.chat;

import io.sessionlens.demo.trace.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A RAG endpoint with obvious keys: {@code {"question": …}} in, {@code {"answer": …}} out; OpenAI underneath. */
public final class QuestionAnswerFormat implements ChatFormat {
    private final OpenAiChatFormat provider = new OpenAiChatFormat();

    @Override
    public String label() {
        return "dict";
    }

    @Override
    public @Nullable String messageFormat() {
        return provider.messageFormat();
    }

    @Override
    public String modelSpanType() {
        return "LLM";
    }

    @Override
    public JsonNode request(ChatRequest request) {
        return provider.request(request);
    }

    @Override
    public JsonNode response(ChatRequest request, ChatReply reply) {
        return provider.response(request, reply);
    }

    @Override
    public JsonNode rootInputs(ChatRequest conversation) {
        ObjectNode in = Json.obj();
        in.put("question", conversation.lastUserText());
        return in;
    }

    @Override
    public JsonNode rootOutputs(ChatRequest conversation, ChatReply reply) {
        ObjectNode out = Json.obj();
        out.put("answer", reply.text());
        return out;
    }
}
