package io.sessionlens.demodata.chat;

import java.util.List;

/**
 * What is sent to a model, or what the app's entry point received: the system prompt kept apart, then the
 * messages in order (the last is usually the new user message).
 */
public record ChatRequest(String model, String systemPrompt, List<ChatMessage> messages, List<ToolSpec> tools) {
    public ChatRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) return messages.get(i).text();
        }
        return "";
    }
}
