package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.Json;
import tools.jackson.databind.JsonNode;

/**
 * A {@code @mlflow.trace def chat(message: str) -> str} app: the root records plain strings; underneath, the app
 * calls OpenAI and that span looks like any OpenAI call.
 */
public final class PlainStringFormat extends ProviderDelegatingFormat {

    public PlainStringFormat() {
        super(new OpenAiChatFormat());
    }

    @Override
    public String label() {
        return "string";
    }

    /** Hand-instrumented apps often tag the model call LLM rather than CHAT_MODEL. */
    @Override
    public String modelSpanType() {
        return "LLM";
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
