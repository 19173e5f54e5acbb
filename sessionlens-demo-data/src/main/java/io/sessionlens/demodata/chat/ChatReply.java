package io.sessionlens.demodata.chat;

import java.util.List;

/**
 * What a model answered: text, tool calls, or both.
 *
 * @param responseToken random suffix for the provider's response id ({@code chatcmpl-…}, {@code msg_…})
 */
public record ChatReply(
        String responseToken,
        String model,
        String text,
        List<ToolCall> toolCalls,
        long createdEpochSeconds,
        int inputTokens,
        int outputTokens,
        long latencyMs) {

    public ChatReply {
        toolCalls = List.copyOf(toolCalls);
    }

    public boolean callsTools() {
        return !toolCalls.isEmpty();
    }

    public int totalTokens() {
        return inputTokens + outputTokens;
    }
}
