package io.sessionlens.trace.ui;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows stored attribute strings the way a person wants to read them. MLflow usually JSON-encodes values but not
 * always (OpenInference over OTLP, custom attributes), so decoding tries JSON and falls back to the raw text.
 */
final class JsonDisplay {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonDisplay() {}

    static Optional<JsonNode> parse(String raw) {
        if (raw.isBlank()) return Optional.empty();
        try {
            return Optional.of(JSON.readTree(raw));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    /** A JSON string becomes its text, other JSON is pretty-printed, anything else is shown as it is. */
    static String readable(String raw) {
        return parse(raw).map(JsonDisplay::readable).orElse(raw);
    }

    static String readable(JsonNode node) {
        if (node.isString()) return node.asString();
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
