package io.sessionlens.trace.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chat message, whatever format it was written in.
 *
 * @param content the readable text (image parts as markdown links); empty for a pure tool-call message
 * @param toolCalls calls an assistant message asks for
 * @param toolCallId for a tool message: the call it answers
 * @param error for a tool message: the tool reported a failure (Bedrock {@code status: error}, Anthropic
 *     {@code is_error})
 */
public record ChatMessage(ChatRole role, String content, List<ToolCallRequest> toolCalls, @Nullable String toolCallId,
        boolean error) {

    public ChatMessage {
        content = content == null ? "" : content;
        toolCalls = List.copyOf(toolCalls);
    }

    public static ChatMessage of(ChatRole role, String content) {
        return new ChatMessage(role, content, List.of(), null, false);
    }

    public static ChatMessage toolResult(@Nullable String toolCallId, String content, boolean error) {
        return new ChatMessage(ChatRole.TOOL, content, List.of(), toolCallId, error);
    }

    public boolean hasContent() {
        return !content.isBlank();
    }

    /** MLflow's session view skips assistant messages that request tools: they are steps, not the answer. */
    public boolean isFinalAnswerCandidate() {
        return role == ChatRole.ASSISTANT && hasContent() && toolCalls.isEmpty();
    }
}
