package io.sessionlens.demodata.chat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A format whose model calls are spelled by another (the provider the app calls); subclasses change only what the
 * app's entry point records.
 */
abstract class ProviderDelegatingFormat implements ChatFormat {
    protected final ChatFormat provider;

    ProviderDelegatingFormat(ChatFormat provider) {
        this.provider = provider;
    }

    @Override
    public @Nullable String messageFormat() {
        return provider.messageFormat();
    }

    @Override
    public String modelSpanType() {
        return provider.modelSpanType();
    }

    @Override
    public String modelSpanName(String model) {
        return provider.modelSpanName(model);
    }

    @Override
    public String toolCallIdPrefix() {
        return provider.toolCallIdPrefix();
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
    public Map<String, JsonNode> modelSpanAttributes(ChatRequest request, @Nullable ChatReply reply) {
        return provider.modelSpanAttributes(request, reply);
    }
}
