package io.sessionlens.demodata.chat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request handler whose root span records nothing useful ({@code {}} in, {@code null} out, as a no-argument
 * handler that streams its answer elsewhere does); the conversation sits on its AGENT child in the wrapped format.
 */
public final class EmptyWrapperFormat extends ProviderDelegatingFormat {

    public EmptyWrapperFormat(ChatFormat inner) {
        super(inner);
    }

    @Override
    public String label() {
        return "wrapper(" + provider.label() + ")";
    }

    @Override
    public JsonNode rootInputs(ChatRequest conversation) {
        return provider.rootInputs(conversation);
    }

    @Override
    public JsonNode rootOutputs(ChatRequest conversation, ChatReply reply) {
        return provider.rootOutputs(conversation, reply);
    }

    @Override
    public Map<String, JsonNode> rootSpanAttributes(ChatRequest conversation, @Nullable ChatReply reply) {
        return provider.rootSpanAttributes(conversation, reply);
    }

    @Override
    public String requestPreview(ChatRequest conversation, JsonNode rootInputs) {
        return provider.requestPreview(conversation, rootInputs);
    }

    @Override
    public String responsePreview(ChatReply reply, JsonNode rootOutputs) {
        return provider.responsePreview(reply, rootOutputs);
    }

    @Override
    public boolean rootIsEmptyWrapper() {
        return true;
    }
}
