package io.sessionlens.trace.chat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns one provider's request or response payload into {@link ChatMessage}s. Each implementation accepts only its
 * own shapes and returns an empty list for anything else, so the {@link ChatFormatDetector} can try them in turn.
 */
public sealed interface ChatNormaliser
        permits OpenAiChatNormaliser, LangChainNormaliser, AnthropicNormaliser, GeminiNormaliser,
        BedrockConverseNormaliser, OtelGenAiNormaliser {

    /** The name shown to analysts as the turn's format, as in {@code mlflow.message.format}. */
    String format();

    /** The messages of a request or a response; empty when the value is not in this format. Never throws. */
    List<ChatMessage> normalise(JsonNode value);
}
