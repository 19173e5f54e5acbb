package io.sessionlens.demodata.chat;

import io.sessionlens.demodata.trace.PyJson;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One chat payload convention. It spells the model span's request/response (what the provider SDK sends and
 * returns) and the root span's inputs/outputs (what the app's entry point received and returned).
 */
public interface ChatFormat {

    /** Name used in the ground truth ({@code ExpectedSession.chatFormat}). */
    String label();

    /** {@code mlflow.message.format} on the model span, as the integration sets it; null when it sets none. */
    @Nullable
    String messageFormat();

    default String modelSpanType() {
        return "CHAT_MODEL";
    }

    /** The model span's name, as the provider's autologging names it. */
    default String modelSpanName(String model) {
        return "Completions";
    }

    /** Providers mint tool-call ids with their own prefix ({@code call_}, {@code toolu_}, {@code tooluse_}). */
    default String toolCallIdPrefix() {
        return "call_";
    }

    JsonNode request(ChatRequest request);

    JsonNode response(ChatRequest request, ChatReply reply);

    /** The entry point's inputs for a turn, given the whole conversation so far plus the new user message. */
    default JsonNode rootInputs(ChatRequest conversation) {
        return request(conversation);
    }

    default JsonNode rootOutputs(ChatRequest conversation, ChatReply reply) {
        return response(conversation, reply);
    }

    /** Only whole-tree autologging (LangChain) marks the root with a message format. */
    default @Nullable String rootMessageFormat() {
        return null;
    }

    /** Attributes beyond inputs/outputs on the model span (OTel GenAI keeps its messages there). */
    default Map<String, JsonNode> modelSpanAttributes(ChatRequest request, @Nullable ChatReply reply) {
        return Map.of();
    }

    default Map<String, JsonNode> rootSpanAttributes(ChatRequest conversation, @Nullable ChatReply reply) {
        return Map.of();
    }

    /**
     * {@code request_preview}: MLflow shows the last user message's text when it recognises the chat shape,
     * and the raw JSON otherwise.
     */
    default String requestPreview(ChatRequest conversation, JsonNode rootInputs) {
        return PyJson.dumps(rootInputs);
    }

    default String responsePreview(ChatReply reply, JsonNode rootOutputs) {
        return PyJson.dumps(rootOutputs);
    }

    /** True when the root span is an empty wrapper and the real I/O sits on an AGENT child. */
    default boolean rootIsEmptyWrapper() {
        return false;
    }
}
