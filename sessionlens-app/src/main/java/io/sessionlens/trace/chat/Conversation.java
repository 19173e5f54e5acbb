package io.sessionlens.trace.chat;

import java.util.List;
import java.util.Optional;

/** Messages read from one payload (or a request and its response), with the format that recognised them. */
public record Conversation(String format, List<ChatMessage> messages) {
    public Conversation {
        messages = List.copyOf(messages);
    }

    /** Index of the last user message, -1 when there is none. */
    public int lastUserIndex() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == ChatRole.USER) return i;
        }
        return -1;
    }

    /** MLflow's session view: the last user message. */
    public Optional<String> userText() {
        int i = lastUserIndex();
        return i < 0 ? Optional.empty() : Optional.of(messages.get(i).content());
    }

    /** MLflow's session view: the last assistant message after the last user message with content and no tool calls. */
    public Optional<String> assistantText() {
        for (int i = messages.size() - 1; i > lastUserIndex(); i--) {
            if (messages.get(i).isFinalAnswerCandidate()) return Optional.of(messages.get(i).content());
        }
        return Optional.empty();
    }

    /** The messages from the last user message on: what happened in this turn rather than before it. */
    public List<ChatMessage> currentTurn() {
        int i = lastUserIndex();
        return i < 0 ? messages : messages.subList(i, messages.size());
    }

    /** The messages before the last user message: the history the caller passed along. */
    public List<ChatMessage> history() {
        int i = lastUserIndex();
        return i < 0 ? List.of() : messages.subList(0, i);
    }
}
