package io.sessionlens.demodata.trace;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Short names for building payload trees. */
public final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static ObjectNode obj() {
        return NODES.objectNode();
    }

    public static ArrayNode arr() {
        return NODES.arrayNode();
    }

    public static ArrayNode arr(List<? extends JsonNode> items) {
        ArrayNode a = NODES.arrayNode();
        items.forEach(a::add);
        return a;
    }

    public static JsonNode str(String s) {
        return NODES.stringNode(s);
    }

    public static JsonNode num(long n) {
        return NODES.numberNode(n);
    }

    public static JsonNode nul() {
        return NODES.nullNode();
    }

    /** Tool results are text; when that text is JSON, payloads that nest results (Gemini, OTel) nest the tree. */
    public static JsonNode parseOrString(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            return n == null || n.isMissingNode() ? str(text) : n;
        } catch (JacksonException notJson) {
            return str(text);
        }
    }
}
