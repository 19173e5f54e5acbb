package io.sessionlens.demodata.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation, before a format spells it.
 *
 * @param id stable across turns, as LangGraph keeps message ids in its state
 * @param toolCallId for a {@link Role#TOOL} message: the call it answers
 * @param toolName for a {@link Role#TOOL} message: the tool that answered
 */
public record ChatMessage(
        String id, Role role, String text, List<ToolCall> toolCalls, @Nullable String toolCallId,
        @Nullable String toolName) {

    public ChatMessage {
        toolCalls = List.copyOf(toolCalls);
    }

    public static ChatMessage user(String id, String text) {
        return new ChatMessage(id, Role.USER, text, List.of(), null, null);
    }

    public static ChatMessage assistant(String id, String text) {
        return new ChatMessage(id, Role.ASSISTANT, text, List.of(), null, null);
    }

    /** An assistant message that asks for tools; {@code text} may be empty. */
    public static ChatMessage assistantCalling(String id, String text, List<ToolCall> calls) {
        return new ChatMessage(id, Role.ASSISTANT, text, calls, null, null);
    }

    public static ChatMessage toolResult(String id, ToolCall call, String resultText) {
        return new ChatMessage(id, Role.TOOL, resultText, List.of(), call.id(), call.name());
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
