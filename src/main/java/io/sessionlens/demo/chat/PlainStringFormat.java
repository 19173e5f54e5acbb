package io.sessionlens.demo.chat;

import io.sessionlens.demo.trace.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@code @mlflow.trace def chat(message: str) -> str} app: the root records plain strings; underneath, the app
 * calls OpenAI and that span looks like any OpenAI call.
 */
public final class PlainStringFormat implements ChatFormat {
    private final OpenAiChatFormat provider = new OpenAiChatFormat();

    @Override
    public String label() {
        return "string";
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
        return Json.str(conversation.lastUserText());
    }

    @Override
    public JsonNode rootOutputs(ChatRequest conversation, ChatReply reply) {
        return Json.str(reply.text());
    }
}
