package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads readable text out of any input or output value: a plain string, a chat payload in any known format, a
 * dict with an obvious key ({@code query}, {@code answer}, …), and as a last resort the value as compact JSON, so a
 * turn is never blank just because its shape is unusual.
 */
public final class ValueText {

    /** Keys that name the user's message, most specific first. */
    static final List<String> USER_KEYS = List.of("query", "question", "input", "prompt", "message", "messages",
            "user_input", "user_query", "user_message", "inputs", "request", "text", "content");

    /** Keys that name the answer, most specific first. */
    static final List<String> ASSISTANT_KEYS = List.of("answer", "response", "output", "result", "content", "text",
            "final_answer", "outputs", "completion", "generation", "reply", "message");

    private static final int MAX_DEPTH = 4;

    private ValueText() {}

    public static Optional<SideText> user(@Nullable JsonNode value, @Nullable String formatHint) {
        return read(value, formatHint, true, 0);
    }

    public static Optional<SideText> assistant(@Nullable JsonNode value, @Nullable String formatHint) {
        return read(value, formatHint, false, 0);
    }

    private static Optional<SideText> read(@Nullable JsonNode value, @Nullable String hint, boolean userSide, int depth) {
        if (value == null || value.isMissingNode() || value.isNull()) return Optional.empty();
        if (value.isString()) return Optional.of(new SideText(value.stringValue(), "", "text"));
        if (value.isValueNode()) return Optional.of(new SideText(JsonValues.asText(value), "", "text"));
        Optional<Conversation> chat = ChatFormatDetector.read(value, hint);
        if (chat.isPresent()) {
            Optional<String> t = userSide ? chat.get().userText() : chat.get().assistantText();
            return Optional.of(new SideText(t.orElse(""), "", chat.get().format()));
        }
        if (depth < MAX_DEPTH) {
            Optional<SideText> nested = byKey(value, hint, userSide, depth);
            if (nested.isPresent()) return nested;
        }
        return Optional.of(new SideText(JsonValues.compact(value), "", "json"));
    }

    private static Optional<SideText> byKey(JsonNode value, @Nullable String hint, boolean userSide, int depth) {
        if (value.isArray()) {
            if (value.size() != 1) return Optional.empty();
            return read(value.get(0), hint, userSide, depth + 1).filter(t -> !t.format().equals("json"));
        }
        for (String key : userSide ? USER_KEYS : ASSISTANT_KEYS) {
            JsonNode v = JsonValues.field(value, key);
            if (JsonValues.meaningful(v)) {
                Optional<SideText> t = read(v, hint, userSide, depth + 1);
                if (t.isPresent() && !t.get().format().equals("json")) return Optional.of(withKey(t.get(), key));
            }
        }
        if (value.size() == 1) {
            Map.Entry<String, JsonNode> only = value.properties().iterator().next();
            return read(only.getValue(), hint, userSide, depth + 1)
                    .filter(t -> !t.format().equals("json"))
                    .map(t -> withKey(t, only.getKey()));
        }
        return Optional.empty();
    }

    /** Only the outermost key is reported: that is the one a {@code TurnMapping} can name. */
    private static SideText withKey(SideText t, String key) {
        return new SideText(t.text(), key, t.format());
    }
}
