package io.sessionlens.trace.chat;

import io.sessionlens.trace.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Renders message content that is either a string or a list of parts, the way MLflow's chat view does: text parts
 * as they are, images as markdown links, parts joined by a blank line. Parts that are not readable content
 * (thinking, reasoning, tool calls) are left to the format's normaliser.
 */
final class ContentParts {
    private ContentParts() {}

    static String render(@Nullable JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) return "";
        if (content.isString()) return content.stringValue();
        if (content.isObject()) return part(content);
        if (!content.isArray()) return JsonValues.asText(content);
        List<String> parts = new ArrayList<>();
        for (JsonNode p : content) {
            String s = part(p);
            if (!s.isEmpty()) parts.add(s);
        }
        return String.join("\n\n", parts);
    }

    /** One part; empty when the part is not readable content. */
    static String part(JsonNode p) {
        if (p.isString()) return p.stringValue();
        if (!p.isObject()) return "";
        String type = JsonValues.text(p, "type");
        if (type.isEmpty()) type = JsonValues.text(p, "block_type"); // LlamaIndex
        return switch (type) {
            case "text", "input_text", "output_text", "" -> textOf(p);
            case "refusal" -> JsonValues.text(p, "refusal");
            case "image_url", "input_image" -> image(urlOf(JsonValues.field(p, "image_url")));
            case "image" -> image(sourceUrl(JsonValues.field(p, "source")));
            default -> "";
        };
    }

    private static String textOf(JsonNode p) {
        JsonNode t = JsonValues.field(p, "text");
        if (t == null) return "";
        // OpenAI Responses output_text and some SDKs nest the text: {"text": {"value": "..."}}
        return t.isString() ? t.stringValue() : JsonValues.text(t, "value");
    }

    private static @Nullable String urlOf(@Nullable JsonNode imageUrl) {
        if (imageUrl == null) return null;
        if (imageUrl.isString()) return imageUrl.stringValue();
        return JsonValues.text(imageUrl, "url");
    }

    private static @Nullable String sourceUrl(@Nullable JsonNode source) {
        if (source == null) return null;
        return JsonValues.text(source, "type").equals("url") ? JsonValues.text(source, "url") : "data:";
    }

    /**
     * Inline (base64) images would put kilobytes of noise into a transcript, so they become a placeholder; linked
     * images keep MLflow's markdown form.
     */
    static String image(@Nullable String url) {
        if (url == null || url.isBlank() || url.startsWith("data:")) return "[image]";
        return "![](" + url + ")";
    }
}
