package io.sessionlens.trace.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the parts of one provider message (text blocks, tool calls, tool results) and turns them into chat
 * messages the way MLflow's chat view does: tool results become tool messages ahead of the message, and a message
 * that carried nothing but tool results is not shown as a user or assistant message of its own.
 */
final class MessageParts {
    private final List<ChatMessage> toolResults = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<ToolCallRequest> calls = new ArrayList<>();

    void text(String s) {
        if (!s.isEmpty()) texts.add(s);
    }

    void call(ToolCallRequest call) {
        calls.add(call);
    }

    void toolResult(ChatMessage result) {
        toolResults.add(result);
    }

    List<ChatMessage> messages(ChatRole role) {
        List<ChatMessage> out = new ArrayList<>(toolResults);
        String content = String.join("\n\n", texts);
        if (toolResults.isEmpty() || !content.isBlank() || !calls.isEmpty()) {
            out.add(new ChatMessage(role, content, calls, null, false));
        }
        return out;
    }
}
