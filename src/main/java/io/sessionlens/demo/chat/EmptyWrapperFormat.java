package io.sessionlens.demo.chat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request handler whose root span records nothing useful ({@code {}} in, {@code null} out, as a no-argument
 * handler that streams its answer elsewhere does); the conversation sits on its AGENT child in the wrapped format.
 */
public final class EmptyWrapperFormat implements ChatFormat {
    private final ChatFormat inner;

    public EmptyWrapperFormat(ChatFormat inner) {
        this.inner = inner;
    }

    @Override
    public String label() {
        return "wrapper(" + inner.label() + ")";
    }

    @Override
    public @Nullable String messageFormat() {
        return inner.messageFormat();
    }

    @Override
    public String modelSpanType() {
        return inner.modelSpanType();
    }

    @Override
    public JsonNode request(ChatRequest request) {
        return inner.request(request);
    }

    @Override
    public JsonNode response(ChatRequest request, ChatReply reply) {
        return inner.response(request, reply);
    }

    @Override
    public JsonNode rootInputs(ChatRequest conversation) {
        return inner.rootInputs(conversation);
    }

    @Override
    public JsonNode rootOutputs(ChatRequest conversation, ChatReply reply) {
        return inner.rootOutputs(conversation, reply);
    }

    @Override
    public Map<String, JsonNode> modelSpanAttributes(ChatRequest request, @Nullable ChatReply reply) {
        return inner.modelSpanAttributes(request, reply);
    }

    @Override
    public String requestPreview(ChatRequest conversation, JsonNode rootInputs) {
        return inner.requestPreview(conversation, rootInputs);
    }

    @Override
    public String responsePreview(ChatReply reply, JsonNode rootOutputs) {
        return inner.responsePreview(reply, rootOutputs);
    }

    @Override
    public boolean rootIsEmptyWrapper() {
        return true;
    }

    @Override
    public String modelSpanName(String model) {
        return inner.modelSpanName(model);
    }

    @Override
    public String toolCallIdPrefix() {
        return inner.toolCallIdPrefix();
    }

    @Override
    public Map<String, JsonNode> rootSpanAttributes(ChatRequest conversation, @Nullable ChatReply reply) {
        return inner.rootSpanAttributes(conversation, reply);
    }
}
