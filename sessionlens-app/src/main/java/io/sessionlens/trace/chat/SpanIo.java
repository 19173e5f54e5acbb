package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A span's decoded inputs and outputs, from whichever convention wrote them: MLflow's own attributes first, then
 * OpenInference ({@code input.value}) and OTel GenAI ({@code gen_ai.*.messages}) for traces ingested over OTLP
 * before MLflow translated those keys.
 *
 * @param formatHint the span's {@code mlflow.message.format}, or {@code otel-genai} when the value came from
 *     {@code gen_ai.*}
 * @param chatMessages the legacy {@code mlflow.chat.messages} list (input and output together), which MLflow's UI
 *     prefers when it is present; missing otherwise
 */
public record SpanIo(JsonNode inputs, JsonNode outputs, @Nullable String formatHint, JsonNode chatMessages) {

    /** Where a span's inputs are written, MLflow's own key first. */
    private static final List<String> INPUT_KEYS = List.of(MlflowKeys.SPAN_INPUTS, MlflowKeys.OI_INPUT);
    private static final List<String> OUTPUT_KEYS = List.of(MlflowKeys.SPAN_OUTPUTS, MlflowKeys.OI_OUTPUT);

    public static SpanIo of(Span span) {
        String hint = span.attribute(MlflowKeys.MESSAGE_FORMAT);
        JsonNode in = first(span, INPUT_KEYS);
        JsonNode out = first(span, OUTPUT_KEYS);
        if (!JsonValues.meaningful(in) && !JsonValues.meaningful(out)) {
            JsonNode genIn = JsonValues.decode(span.attribute(MlflowKeys.GENAI_INPUT_MESSAGES));
            JsonNode genOut = JsonValues.decode(span.attribute(MlflowKeys.GENAI_OUTPUT_MESSAGES));
            if (JsonValues.meaningful(genIn) || JsonValues.meaningful(genOut)) {
                in = genIn;
                out = genOut;
                if (hint == null) hint = "otel-genai";
            }
        }
        return new SpanIo(in, out, hint, JsonValues.decode(span.attribute(MlflowKeys.CHAT_MESSAGES)));
    }

    /** The attribute key the inputs are stored under ({@code mlflow.spanInputs}, {@code input.value}), if any. */
    public static Optional<String> inputKey(Span span) {
        return INPUT_KEYS.stream().filter(k -> span.attribute(k) != null).findFirst();
    }

    /** The attribute key the outputs are stored under, if any. */
    public static Optional<String> outputKey(Span span) {
        return OUTPUT_KEYS.stream().filter(k -> span.attribute(k) != null).findFirst();
    }

    private static JsonNode first(Span span, List<String> keys) {
        for (String k : keys) {
            JsonNode v = JsonValues.decode(span.attribute(k));
            if (JsonValues.meaningful(v)) return v;
        }
        return JsonValues.missing();
    }

    public boolean hasInputs() {
        return JsonValues.meaningful(inputs);
    }

    public boolean hasOutputs() {
        return JsonValues.meaningful(outputs);
    }

    /** The request as chat messages (the legacy attribute holds request and response, so it is not used here). */
    public Optional<Conversation> inputConversation() {
        return ChatFormatDetector.read(inputs, formatHint);
    }

    /**
     * Request and response as one conversation, the way MLflow's chat tab builds it: the legacy attribute if valid;
     * otherwise inputs followed by outputs, where a plain-text side becomes a user or assistant message, and outputs
     * that repeat the inputs (LangGraph returns its whole state) are used alone.
     */
    public Optional<Conversation> conversation() {
        return conversation(true);
    }

    /**
     * Like {@link #conversation()}, but only from what was written as chat messages: a side in plain text (a prompt
     * string, {@code {"answer": …}}) is not turned into a message. The span page's Chat tab shows this, and the
     * plain-text side under Inputs or Outputs.
     */
    public Optional<Conversation> writtenConversation() {
        return conversation(false);
    }

    private Optional<Conversation> conversation(boolean plainTextSides) {
        Optional<Conversation> legacy = ChatFormatDetector.read(chatMessages, "openai");
        if (legacy.isPresent()) return legacy;
        Optional<Conversation> in = inputConversation();
        Optional<Conversation> out = ChatFormatDetector.read(outputs, formatHint);
        if (in.isEmpty() && out.isEmpty()) return Optional.empty();
        List<ChatMessage> messages = new ArrayList<>();
        if (in.isPresent()) {
            messages.addAll(in.get().messages());
        } else if (plainTextSides) {
            ValueText.user(inputs, formatHint).ifPresent(t -> messages.add(ChatMessage.of(ChatRole.USER, t.text())));
        }
        if (out.isPresent()) {
            List<ChatMessage> o = out.get().messages();
            if (startsWith(o, messages)) messages.clear();
            messages.addAll(o);
        } else if (plainTextSides) {
            ValueText.assistant(outputs, formatHint)
                    .ifPresent(t -> messages.add(ChatMessage.of(ChatRole.ASSISTANT, t.text())));
        }
        return Optional.of(new Conversation(in.orElseGet(out::orElseThrow).format(), messages));
    }

    private static boolean startsWith(List<ChatMessage> whole, List<ChatMessage> prefix) {
        return !prefix.isEmpty() && whole.size() >= prefix.size() && whole.subList(0, prefix.size()).equals(prefix);
    }
}
