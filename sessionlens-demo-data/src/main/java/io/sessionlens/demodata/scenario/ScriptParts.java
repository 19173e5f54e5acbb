package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.PyJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Small constructors that keep the story files readable. */
final class ScriptParts {
    private ScriptParts() {}

    /** A JSON object from alternating keys and values (String, Number, Boolean, JsonNode). */
    static ObjectNode obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        ObjectNode n = Json.obj();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String k = (String) keysAndValues[i];
            switch (keysAndValues[i + 1]) {
                case String s -> n.put(k, s);
                case Integer v -> n.put(k, v);
                case Long v -> n.put(k, v);
                case Double v -> n.put(k, v);
                case Boolean v -> n.put(k, v);
                case JsonNode v -> n.set(k, v);
                default -> throw new IllegalArgumentException("unsupported value for " + k);
            }
        }
        return n;
    }

    static ArrayNode arr(JsonNode... items) {
        ArrayNode a = Json.arr();
        for (JsonNode i : items) a.add(i);
        return a;
    }

    static ArrayNode strings(String... items) {
        ArrayNode a = Json.arr();
        for (String i : items) a.add(i);
        return a;
    }

    static RetrievedDoc doc(String id, double score, String content, ObjectNode metadata) {
        return new RetrievedDoc(id, content, metadata, score);
    }

    static ToolUse tool(String name, ObjectNode arguments, JsonNode result) {
        return new ToolUse(name, arguments, PyJson.dumps(result), null);
    }

    static ToolUse failingTool(String name, ObjectNode arguments, Failure failure) {
        return new ToolUse(name, arguments, "", failure);
    }

    /** A JSON-schema object with string properties, all required. */
    static ObjectNode schema(String... namesTypesAndDescriptions) {
        ObjectNode schema = Json.obj();
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = Json.arr();
        for (int i = 0; i < namesTypesAndDescriptions.length; i += 3) {
            ObjectNode p = props.putObject(namesTypesAndDescriptions[i]);
            p.put("type", namesTypesAndDescriptions[i + 1]);
            p.put("description", namesTypesAndDescriptions[i + 2]);
            required.add(namesTypesAndDescriptions[i]);
        }
        schema.set("required", required);
        return schema;
    }

    /** Text for a Python traceback: frames as (file, line, function, code) quadruples, then the final line. */
    static String traceback(String lastLine, String... frames) {
        StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
        for (int i = 0; i < frames.length; i += 4) {
            sb.append("  File \"").append(frames[i]).append("\", line ").append(frames[i + 1]).append(", in ")
                    .append(frames[i + 2]).append('\n');
            sb.append("    ").append(frames[i + 3]).append('\n');
        }
        return sb.append(lastLine).toString();
    }
}
