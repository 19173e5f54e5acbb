package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one side of a turn out of an input or output value, by conventions only, never by guessing a value out of an
 * arbitrary dict:
 * <ol>
 *   <li>a plain string (or number, boolean) is the text;</li>
 *   <li>a chat payload in any known format gives its last user message, or the final assistant message;</li>
 *   <li>a well-known key ({@code query}, {@code question}, {@code messages}, {@code answer}, … — MLflow's session view
 *       prefers {@code messages/input/inputs} and {@code response/output/outputs/generations}) whose value reads as
 *       text by these same rules; a lone wrapper key ({@code {"kwargs": {"question": …}}}) may lead to one;</li>
 *   <li>a dict with exactly one entry whose value is a string: a function of one text argument
 *       ({@code {"q": "…"}});</li>
 * </ol>
 * Anything else is shown as it was written, as compact JSON (MLflow's UI shows such inputs as JSON too):
 * {@code {"config": {"model": "gpt-4"}}} is not the user message "gpt-4".
 */
public final class ValueText {

    /** Keys that name the user's message, most specific first. */
    static final List<String> USER_KEYS = List.of("query", "question", "input", "prompt", "message", "messages",
            "user_input", "user_query", "user_message", "inputs", "request", "text", "content");

    /** Keys that name the answer, most specific first. */
    static final List<String> ASSISTANT_KEYS = List.of("answer", "response", "output", "result", "content", "text",
            "final_answer", "outputs", "completion", "generation", "generations", "reply", "message");

    private static final int MAX_DEPTH = 4;

    private ValueText() {}

    public static Optional<SideText> user(@Nullable JsonNode value, @Nullable String formatHint) {
        return read(value, formatHint, true, 0);
    }

    public static Optional<SideText> assistant(@Nullable JsonNode value, @Nullable String formatHint) {
        return read(value, formatHint, false, 0);
    }

    private static Optional<SideText> read(@Nullable JsonNode value, @Nullable String hint, boolean userSide,
            int depth) {
        if (value == null || value.isMissingNode() || value.isNull()) return Optional.empty();
        Optional<SideText> text = byConvention(value, hint, userSide, depth);
        if (text.isPresent()) return text;
        return Optional.of(new SideText(JsonValues.compact(value), "", "json"));
    }

    /** Text found by one of the conventions above, or empty when none fits (the caller then shows the JSON). */
    private static Optional<SideText> byConvention(JsonNode value, @Nullable String hint, boolean userSide, int depth) {
        if (value.isString()) return Optional.of(new SideText(value.stringValue(), "", "text"));
        if (value.isValueNode()) return Optional.of(new SideText(JsonValues.asText(value), "", "text"));
        Optional<Conversation> chat = ChatFormatDetector.read(value, hint);
        if (chat.isPresent()) {
            Optional<String> t = userSide ? chat.get().userText() : chat.get().assistantText();
            return Optional.of(new SideText(t.orElse(""), "", chat.get().format()));
        }
        if (depth >= MAX_DEPTH) return Optional.empty();
        if (value.isArray()) {
            // a one-element list ([question], a batch of one) reads as its element, by the same conventions
            return value.size() == 1 ? byConvention(value.get(0), hint, userSide, depth + 1) : Optional.empty();
        }
        for (String key : userSide ? USER_KEYS : ASSISTANT_KEYS) {
            JsonNode v = JsonValues.field(value, key);
            if (!JsonValues.meaningful(v)) continue;
            Optional<SideText> t = byConvention(v, hint, userSide, depth + 1);
            if (t.isPresent()) return Optional.of(withKey(t.get(), key));
        }
        if (value.size() == 1) {
            Map.Entry<String, JsonNode> only = value.properties().iterator().next();
            JsonNode v = only.getValue();
            if (v.isString() && !v.stringValue().isBlank()) {
                return Optional.of(new SideText(v.stringValue(), only.getKey(), "text"));
            }
            if (v.isContainer()) {
                // a lone wrapper ({"kwargs": {...}}) is looked through for a well-known key or a chat payload only:
                // {"config": {"model": "gpt-4"}} holds no message, whatever its one string says
                return wellKnownInside(v, hint, userSide, depth + 1).map(t -> withKey(t, only.getKey()));
            }
        }
        return Optional.empty();
    }

    private static Optional<SideText> wellKnownInside(JsonNode value, @Nullable String hint, boolean userSide,
            int depth) {
        Optional<Conversation> chat = ChatFormatDetector.read(value, hint);
        if (chat.isPresent()) {
            Optional<String> t = userSide ? chat.get().userText() : chat.get().assistantText();
            return Optional.of(new SideText(t.orElse(""), "", chat.get().format()));
        }
        if (depth >= MAX_DEPTH || !value.isObject()) return Optional.empty();
        for (String key : userSide ? USER_KEYS : ASSISTANT_KEYS) {
            JsonNode v = JsonValues.field(value, key);
            if (!JsonValues.meaningful(v)) continue;
            Optional<SideText> t = byConvention(v, hint, userSide, depth + 1);
            if (t.isPresent()) return t;
        }
        return Optional.empty();
    }

    /** Only the outermost key is reported: that is the one a {@code TurnMapping} can name. */
    private static SideText withKey(SideText t, String key) {
        return new SideText(t.text(), key, t.format());
    }
}
