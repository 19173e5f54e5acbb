package io.sessionlens.importer.read;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Lenient field access for JSON that many producers wrote: snake_case (MLflow) or camelCase (generic OTLP JSON),
 * numbers as numbers or as strings (protobuf JSON writes int64 as a string), maps as objects or as
 * {@code [{key, value}]} lists (MLflow 2.x REST).
 */
final class Fields {
    private Fields() {}

    /** The first of the names that is present and not JSON null. */
    static @Nullable JsonNode get(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && !v.isNull() && !v.isMissingNode()) return v;
        }
        return null;
    }

    static boolean has(JsonNode node, String... names) {
        return get(node, names) != null;
    }

    /** A string field; a number or boolean is given as its JSON text, an object or array counts as absent. */
    static @Nullable String text(JsonNode node, String... names) {
        JsonNode v = get(node, names);
        if (v == null) return null;
        if (v.isString()) return v.stringValue();
        if (v.isNumber() || v.isBoolean()) return ExportJson.compact(v);
        return null;
    }

    /** A whole number, given as a JSON number (also 1.7e18) or a numeric string; null if there is none. */
    static @Nullable Long wholeNumber(@Nullable JsonNode v) {
        if (v == null) return null;
        try {
            if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
            if (v.isNumber()) return v.decimalValue().longValueExact();
            if (v.isString() && !v.stringValue().isBlank()) {
                return new BigDecimal(v.stringValue().trim()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException notAWholeNumber) {
            return null;
        }
        return null;
    }

    static @Nullable Long wholeNumber(JsonNode node, String... names) {
        return wholeNumber(get(node, names));
    }

    /**
     * A string map from an object or a {@code [{key, value}]} list. String values are kept exactly; other values as
     * their compact JSON text, so nothing a hand-built exporter wrote is lost.
     */
    static Map<String, String> stringMap(@Nullable JsonNode v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) return out;
        if (v.isObject()) {
            v.properties().forEach(e -> out.put(e.getKey(), rawText(e.getValue())));
        } else if (v.isArray()) {
            for (JsonNode entry : v) {
                String key = entry.isObject() ? text(entry, "key") : null;
                if (key != null) out.put(key, rawText(entry.path("value")));
            }
        }
        return out;
    }

    /** A value as the model keeps it: a string as is, JSON null or absent as "", anything else as compact JSON. */
    static String rawText(JsonNode v) {
        if (v.isString()) return v.stringValue();
        if (v.isNull() || v.isMissingNode()) return "";
        return ExportJson.compact(v);
    }

    /** Like {@link #rawText} but keeps JSON null as "null": for attribute values, where null is a value. */
    static String attributeText(JsonNode v) {
        return v.isString() ? v.stringValue() : ExportJson.compact(v);
    }

    /** The JSON-decoded string of a value such as {@code "\"tr-1\""}; a value that is not JSON is taken as it is. */
    static String decodeJsonString(String raw) {
        String s = raw.trim();
        if (s.startsWith("\"")) {
            try {
                JsonNode decoded = ExportJson.MAPPER.readTree(s);
                if (decoded.isString()) return decoded.stringValue();
            } catch (RuntimeException notJson) {
                // fall through: MLflow's UI also shows such a value as it is
            }
        }
        return raw;
    }
}
