package io.sessionlens.trace.chat;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The four roles every chat format is folded into. */
public enum ChatRole {
    SYSTEM, USER, ASSISTANT, TOOL;

    /** Role names across providers: OpenAI {@code developer}, Gemini {@code model}, LangChain {@code human}/{@code ai}. */
    public static Optional<ChatRole> parse(@Nullable String raw) {
        if (raw == null) return Optional.empty();
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "system", "developer" -> Optional.of(SYSTEM);
            case "user", "human" -> Optional.of(USER);
            case "assistant", "ai", "model", "bot" -> Optional.of(ASSISTANT);
            case "tool", "function", "ipython" -> Optional.of(TOOL);
            default -> Optional.empty();
        };
    }
}
