package io.sessionlens.trace.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * MLflow stores span attributes as JSON-encoded strings, but other producers (OpenInference over OTLP, hand-written
 * spans) store plain text. Like MLflow's UI, we try JSON and fall back to the raw string, and we never throw.
 */
public final class JsonValues {
    // Trailing tokens must fail: "42 apples" is text, not the number 42 (Jackson 3's default, which SharedJson keeps).
    private static final JsonMapper MAPPER = SharedJson.MAPPER;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /** The decoded value; a missing node for null, a string node when the raw text is not JSON. */
    public static JsonNode decode(@Nullable String raw) {
        if (raw == null) return NODES.missingNode();
        if (raw.isBlank()) return NODES.stringNode(raw);
        try {
            JsonNode n = MAPPER.readTree(raw);
            return n == null || n.isMissingNode() ? NODES.stringNode(raw) : n;
        } catch (JacksonException | IllegalArgumentException notJson) {
            return NODES.stringNode(raw);
        }
    }

    public static JsonNode string(String s) {
        return NODES.stringNode(s);
    }

    public static JsonNode missing() {
        return NODES.missingNode();
    }

    /** Something a reader would call content: not missing, not null, not blank, not an empty object or list. */
    public static boolean meaningful(@Nullable JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return false;
        if (n.isString()) return !n.stringValue().isBlank();
        if (n.isContainer()) return !n.isEmpty();
        return true;
    }

    /** The member, or null when it is absent or JSON null (Gemini parts carry {@code "function_call": null}). */
    public static @Nullable JsonNode field(@Nullable JsonNode n, String name) {
        if (n == null || !n.isObject()) return null;
        JsonNode v = n.get(name);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    /** A string member's value, or "" when absent or not a string. */
    public static String text(@Nullable JsonNode n, String name) {
        JsonNode v = field(n, name);
        return v != null && v.isString() ? v.stringValue() : "";
    }

    public static boolean isString(@Nullable JsonNode n) {
        return n != null && n.isString();
    }

    /** Scalars as text (numbers and booleans as written), containers as compact JSON, null/missing as "". */
    public static String asText(@Nullable JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return "";
        if (n.isString()) return n.stringValue();
        if (n.isValueNode()) return n.toString();
        return compact(n);
    }

    /**
     * A stored value the way a person wants to read it: a JSON string becomes its text, other JSON is pretty-printed,
     * anything else is shown as it was stored.
     */
    public static String readable(String raw) {
        JsonNode n = decode(raw);
        if (n.isString()) return n.stringValue();
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JacksonException e) {
            return raw;
        }
    }

    public static String compact(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JacksonException e) {
            return n.toString();
        }
    }

    /** The value as plain Java (String, Number, Boolean, Map, List, null), ready to be serialised again. */
    public static @Nullable Object toPlain(@Nullable JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return null;
        try {
            return MAPPER.treeToValue(n, Object.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return asText(n);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toPlainMap(@Nullable JsonNode n) {
        Object o = n != null && n.isObject() ? toPlain(n) : null;
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The elements of an array; a single non-array value becomes a one-element list; nothing → empty. */
    public static List<JsonNode> elements(@Nullable JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return List.of();
        if (!n.isArray()) return List.of(n);
        List<JsonNode> out = new ArrayList<>(n.size());
        n.forEach(out::add);
        return out;
    }
}
