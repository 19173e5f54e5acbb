package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A RAG endpoint with obvious keys: {@code {"question": …}} in, {@code {"answer": …}} out; OpenAI underneath. */
public final class QuestionAnswerFormat extends ProviderDelegatingFormat {

    public QuestionAnswerFormat() {
        super(new OpenAiChatFormat());
    }

    @Override
    public String label() {
        return "dict";
    }

    @Override
    public String modelSpanType() {
        return "LLM";
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
