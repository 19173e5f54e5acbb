package io.sessionlens.analysis.transcript;

import io.sessionlens.analysis.ReadFrom;
import io.sessionlens.trace.chat.ChatMessage;
import java.util.List;

/**
 * A turn's text as read from its trace.
 *
 * @param conversation the reading span's messages when they were chat-shaped (request followed by response), for
 *     the tool calls they carry; empty otherwise
 */
public record TurnText(String userText, String assistantText, boolean truncated, ReadFrom readFrom,
        List<ChatMessage> conversation) {
    public TurnText {
        conversation = List.copyOf(conversation);
    }
}
