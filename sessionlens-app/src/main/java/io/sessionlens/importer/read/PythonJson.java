package io.sessionlens.importer.read;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * JSON text exactly as Python's {@code json.dumps(value, ensure_ascii=False)} writes it ({@code ", "} and
 * {@code ": "} separators). MLflow stores span attributes in that form, so values rebuilt from typed OTLP attributes
 * come out the same as in a CLI export of the same trace.
 */
final class PythonJson {
    private PythonJson() {}

    static String dumps(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    private static void append(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                appendString(e.getKey(), out);
                out.append(": ");
                append(e.getValue(), out);
                if (it.hasNext()) out.append(", ");
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(", ");
                append(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            appendString(node.stringValue(), out);
        } else {
            out.append(ExportJson.compact(node));
        }
    }

    private static void appendString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
