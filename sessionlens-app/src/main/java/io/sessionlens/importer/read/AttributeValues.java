package io.sessionlens.importer.read;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Span and event attributes in the two shapes MLflow exports use: a map of raw values (CLI, UI), or the OTLP list
 * {@code [{key, value: {string_value | int_value | …}}]} of the REST {@code traces/get} and {@code batchGet} answers.
 */
final class AttributeValues {
    private AttributeValues() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Span attributes as MLflow stores them. A map keeps each raw string exactly (JSON-encoded or not: OpenInference
     * wrote plain text). An OTLP list carries decoded typed values, which are JSON-encoded again, as MLflow does when
     * it ingests OTLP.
     */
    static Map<String, String> spanAttributes(@Nullable JsonNode v) {
        return read(v, PythonJson::dumps);
    }

    /** Event attributes: MLflow keeps these raw (not JSON-encoded), so a typed OTLP string stays plain text. */
    static Map<String, String> eventAttributes(@Nullable JsonNode v) {
        return read(v, Fields::attributeText);
    }

    private static Map<String, String> read(@Nullable JsonNode v, Function<JsonNode, String> typedValueText) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) return out;
        if (v.isObject()) {
            v.properties().forEach(e -> out.put(e.getKey(), Fields.attributeText(e.getValue())));
        } else if (v.isArray()) {
            for (JsonNode entry : v) {
                String key = entry.isObject() ? Fields.text(entry, "key") : null;
                if (key != null) out.put(key, typedValueText.apply(decodeAnyValue(entry.get("value"))));
            }
        }
        return out;
    }

    /** An OTLP {@code AnyValue} as the plain JSON value it stands for; protobuf JSON writes int64 as a string. */
    static JsonNode decodeAnyValue(@Nullable JsonNode any) {
        if (any == null || !any.isObject()) return any == null ? NODES.nullNode() : any;
        JsonNode v;
        if ((v = Fields.get(any, "string_value", "stringValue")) != null) return v;
        if ((v = Fields.get(any, "bool_value", "boolValue")) != null) return v;
        if ((v = Fields.get(any, "int_value", "intValue")) != null) {
            Long n = Fields.wholeNumber(v);
            return n == null ? v : NODES.numberNode(n);
        }
        if ((v = Fields.get(any, "double_value", "doubleValue")) != null) {
            return v.isString() ? parseDouble(v) : v;
        }
        if ((v = Fields.get(any, "array_value", "arrayValue")) != null) {
            ArrayNode array = NODES.arrayNode();
            for (JsonNode item : v.path("values")) array.add(decodeAnyValue(item));
            return array;
        }
        if ((v = Fields.get(any, "kvlist_value", "kvlistValue")) != null) {
            ObjectNode object = NODES.objectNode();
            for (JsonNode kv : v.path("values")) {
                String key = kv.isObject() ? Fields.text(kv, "key") : null;
                if (key != null) object.set(key, decodeAnyValue(kv.get("value")));
            }
            return object;
        }
        if ((v = Fields.get(any, "bytes_value", "bytesValue")) != null) return v; // base64 text, as protobuf JSON has it
        return NODES.nullNode();
    }

    private static JsonNode parseDouble(JsonNode text) {
        try {
            return NODES.numberNode(Double.parseDouble(text.stringValue()));
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }
}
