package io.sessionlens.importer.read;

import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills the {@code "<python-expr: …>"} placeholders of the TEMPLATE fixtures (02, 03) with concrete values, so the
 * real shapes can be read like real exports. The values are ours; the shapes are MLflow's.
 */
final class Templates {
    private Templates() {}

    static final String TRACE_HEX = "7a3f0c1e5b9d4f2a8c6e0b1d3f5a7c9e";
    static final String TRACE_ID = "tr-" + TRACE_HEX;
    static final String ROOT_HEX = "1a2b3c4d5e6f7081";
    static final String CHILD_HEX = "2b3c4d5e6f708192";
    static final String THIRD_HEX = "3c4d5e6f708192a3";
    static final long ROOT_START = 1_763_633_730_250_000_000L;
    private static final String[] SPAN_HEX = {ROOT_HEX, CHILD_HEX, THIRD_HEX};
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Fixture 02, today's `mlflow traces get` shape, with ids, times and the mock.ANY metadata filled in. */
    static String currentTraceGet() {
        ObjectNode root = (ObjectNode) MAPPER
                .readTree(Recorder.fixtureText("mlflow-real/02-v3-trace-to-dict-current-TEMPLATE.json"));
        ObjectNode info = (ObjectNode) root.get("info");
        info.put("trace_id", TRACE_ID);
        info.put("request_time", "2025-11-20T10:15:30.250Z");
        info.put("execution_duration_ms", 42);
        fillRemaining(info, "any");
        fillSpans(root.get("data").get("spans"));
        return MAPPER.writeValueAsString(root);
    }

    /** Fixture 03, TraceData of a failed trace (no info), filled the same way. */
    static String failedTraceData() {
        ObjectNode root = (ObjectNode) MAPPER
                .readTree(Recorder.fixtureText("mlflow-real/03-v3-trace-data-error-exception-TEMPLATE.json"));
        fillSpans(root.get("spans"));
        return MAPPER.writeValueAsString(root);
    }

    static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    private static void fillSpans(JsonNode spans) {
        for (int i = 0; i < spans.size(); i++) {
            ObjectNode span = (ObjectNode) spans.get(i);
            span.put("trace_id", base64(TRACE_HEX));
            span.put("span_id", base64(SPAN_HEX[i]));
            if (span.get("parent_span_id").isString()) span.put("parent_span_id", base64(ROOT_HEX));
            long start = ROOT_START + i * 10_000_000L;
            span.put("start_time_unix_nano", start);
            span.put("end_time_unix_nano", start + (i == 0 ? 42_000_000L : 5_000_000L));
            ObjectNode attributes = (ObjectNode) span.get("attributes");
            attributes.put("mlflow.traceRequestId", "\"" + TRACE_ID + "\"");
            if (attributes.has("datetime")) attributes.put("datetime", "\"2025-11-20 10:15:30.300000\"");
            for (JsonNode event : span.path("events")) {
                ((ObjectNode) event).put("time_unix_nano", start + 1_000_000L);
                fillRemaining((ObjectNode) event.get("attributes"), "Traceback (most recent call last): ...");
            }
        }
    }

    private static void fillRemaining(ObjectNode node, String value) {
        for (var e : node.properties()) {
            if (e.getValue().isString() && e.getValue().stringValue().startsWith("<python-expr:")) {
                node.put(e.getKey(), value);
            } else if (e.getValue().isObject()) {
                fillRemaining((ObjectNode) e.getValue(), value);
            }
        }
    }
}
