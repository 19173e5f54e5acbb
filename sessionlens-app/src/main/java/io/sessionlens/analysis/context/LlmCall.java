package io.sessionlens.analysis.context;

import io.sessionlens.trace.chat.ChatMessage;
import io.sessionlens.trace.chat.ChatRole;
import io.sessionlens.trace.chat.Conversation;
import io.sessionlens.trace.chat.SpanIo;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One LLM or CHAT_MODEL span of a turn and the messages it was given. */
public record LlmCall(String spanId, Conversation input) {

    /** The turn's model calls in start order; the last one is the turn's main call. */
    public static List<LlmCall> of(Trace trace) {
        List<LlmCall> out = new ArrayList<>();
        trace.spans().stream()
                .filter(s -> s.spanType().equals("LLM") || s.spanType().equals("CHAT_MODEL"))
                .sorted(Comparator.comparingLong(Span::startTimeUnixNano))
                .forEach(s -> input(s).ifPresent(c -> out.add(new LlmCall(s.spanId(), c))));
        return out;
    }

    /** Chat messages, or a completion-style prompt string as one user message (it may embed the history). */
    private static Optional<Conversation> input(Span s) {
        SpanIo io = SpanIo.of(s);
        Optional<Conversation> chat = io.inputConversation();
        if (chat.isPresent()) return chat;
        Optional<Conversation> legacy = io.conversation().filter(c -> JsonValues.meaningful(io.chatMessages()));
        if (legacy.isPresent()) return legacy;
        if (io.inputs().isString() && !io.inputs().stringValue().isBlank()) {
            return Optional
                    .of(new Conversation("text", List.of(ChatMessage.of(ChatRole.USER, io.inputs().stringValue()))));
        }
        return Optional.empty();
    }
}
