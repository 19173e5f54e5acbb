package io.sessionlens.trace.json;

import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree token by token. {@code JsonGenerator.writeTree} needs a generator made by an ObjectMapper;
 * callers of {@link TraceJsonWriter#write} may hand in any generator.
 */
final class JsonTreeWriting {
    private JsonTreeWriting() {}

    static void write(JsonNode node, JsonGenerator gen) {
        if (node.isObject()) {
            gen.writeStartObject();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                gen.writeName(e.getKey());
                write(e.getValue(), gen);
            }
            gen.writeEndObject();
        } else if (node.isArray()) {
            gen.writeStartArray();
            for (JsonNode item : node) write(item, gen);
            gen.writeEndArray();
        } else if (node.isString()) {
            gen.writeString(node.stringValue());
        } else if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                gen.writeNumber(node.longValue());
            } else {
                gen.writeNumber(node.bigIntegerValue());
            }
        } else if (node.isBigDecimal()) {
            gen.writeNumber(node.decimalValue());
        } else if (node.isNumber()) {
            gen.writeNumber(node.doubleValue());
        } else if (node.isBoolean()) {
            gen.writeBoolean(node.booleanValue());
        } else {
            gen.writeNull();
        }
    }
}
