package io.sessionlens.trace.ui;

import io.sessionlens.trace.chat.ChatMessage;
import io.sessionlens.trace.chat.Conversation;
import io.sessionlens.trace.chat.SpanIo;
import io.sessionlens.trace.chat.ToolCallRequest;
import io.sessionlens.trace.model.Span;
import java.util.List;
import java.util.Locale;

/**
 * The Chat tab's lines: the span's messages as the analysis reads them ({@code trace.chat}), one line per message, a
 * requested tool call as {@code → name(arguments)}. A span whose inputs and outputs are not chat messages has no lines,
 * and so no Chat tab.
 */
final class ChatLines {
    record Line(String role, String content) {}

    private ChatLines() {}

    static List<Line> of(Span span) {
        return SpanIo.of(span).writtenConversation().map(Conversation::messages).orElse(List.of()).stream()
                .map(ChatLines::line)
                .toList();
    }

    private static Line line(ChatMessage m) {
        StringBuilder text = new StringBuilder(m.content());
        for (ToolCallRequest call : m.toolCalls()) {
            if (!text.isEmpty()) text.append('\n');
            text.append("→ ").append(call.name()).append('(').append(call.arguments()).append(')');
        }
        return new Line(m.role().name().toLowerCase(Locale.ROOT), text.toString());
    }
}
