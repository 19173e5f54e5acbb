package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.chat.ChatMessage;
import io.sessionlens.demodata.chat.ChatRequest;
import io.sessionlens.demodata.chat.ToolCall;
import java.util.List;

/** Token counts close enough to a tokenizer's (about four characters per token) to look real in totals. */
final class Tokens {
    private Tokens() {}

    static int of(String text) {
        return (text.length() + 3) / 4;
    }

    static int request(ChatRequest r) {
        int n = of(r.systemPrompt()) + 4;
        for (ChatMessage m : r.messages()) {
            n += of(m.text()) + 4;
            for (ToolCall c : m.toolCalls()) n += of(c.arguments().toString()) + 8;
        }
        return n + r.tools().size() * 64;
    }

    static int reply(String text, List<ToolCall> calls) {
        int n = of(text) + 1;
        for (ToolCall c : calls) n += of(c.arguments().toString()) + 12;
        return n;
    }
}
