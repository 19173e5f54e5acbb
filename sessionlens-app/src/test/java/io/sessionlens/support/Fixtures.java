package io.sessionlens.support;

import io.sessionlens.trace.json.SharedJson;
import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentError;
import io.sessionlens.trace.model.AssessmentSource;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanEvent;
import io.sessionlens.trace.model.SpanIds;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import io.sessionlens.trace.model.TraceState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test resources under {@code src/test/resources/fixtures/} (origins in {@code fixtures/README.md}): raw bytes and text
 * for tests that import a file, and the real MLflow exports under {@code fixtures/mlflow-real/} read into model records
 * by a small test-side reader (the importer feature owns the real one): v3 CLI and REST trace info, v2 trace info, v3
 * and v2 spans, assessments.
 */
public final class Fixtures {
    /** The real MLflow exports (fixtures/mlflow-real) that hold exactly one importable trace each. */
    public static final List<String> ONE_TRACE_REAL_EXPORTS = List.of("01-v3-trace-to-dict-mlflow34-simple.json",
            "05-v2-trace-export.json", "06-ui-v3-trace-openinference-otel.json", "07-ui-v3-trace-with-assessment.json",
            "11-ui-trace-with-session-level-assessment.json");

    public static final JsonMapper JSON = SharedJson.MAPPER;
    private static final String MLFLOW_REAL = "/fixtures/mlflow-real/";

    private Fixtures() {}

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A hand-written ≥3.6 trace ({@code mlflow traces get} shape) as JSON text, for tests that import it and need their
     * own ids, sessions and times. (The one-argument {@link #trace(String)} reads a real export into the model instead.)
     */
    public static String trace(String traceId, String experimentId, String sessionId, String requestTime, String user,
            String input, String output, String assessmentsJson) {
        String hex = traceId.replace("tr-", "");
        String meta = sessionId == null ? "" : "\"mlflow.trace.session\": \"" + sessionId + "\", ";
        return """
                {"info": {"trace_id": "%s", "trace_location": {"type": "MLFLOW_EXPERIMENT", "mlflow_experiment": {"experiment_id": "%s"}},
                  "request_time": "%s", "state": "OK",
                  "trace_metadata": {%s"mlflow.trace.user": "%s", "mlflow.trace_schema.version": "3"},
                  "assessments": [%s],
                  "tags": {"mlflow.traceName": "chat"},
                  "request_preview": %s, "response_preview": %s, "execution_duration_ms": 1200},
                 "data": {"spans": [
                  {"trace_id": "%s", "span_id": "AAAAAAAAAAE=", "parent_span_id": null, "name": "chat",
                   "start_time_unix_nano": 1761106494524157000, "end_time_unix_nano": 1761106495724157000, "events": [],
                   "status": {"code": "STATUS_CODE_OK", "message": ""},
                   "attributes": {"mlflow.spanType": "\\"CHAIN\\"", "mlflow.spanInputs": %s, "mlflow.spanOutputs": %s}},
                  {"trace_id": "%s", "span_id": "AAAAAAAAAAI=", "parent_span_id": "AAAAAAAAAAE=", "name": "llm",
                   "start_time_unix_nano": 1761106494624157000, "end_time_unix_nano": 1761106495624157000, "events": [],
                   "status": {"code": "STATUS_CODE_OK", "message": ""},
                   "attributes": {"mlflow.spanType": "\\"CHAT_MODEL\\""}}]}}
                """
                .formatted(traceId, experimentId, requestTime, meta, user, assessmentsJson, q(input), q(output),
                        java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(pad(hex))),
                        q(q(input)), q(q(output)),
                        java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(pad(hex))));
    }

    private static String pad(String hex) {
        String h = hex.replaceAll("[^0-9a-f]", "");
        return (h + "00000000000000000000000000000000").substring(0, 32);
    }

    /** JSON string literal. */
    public static String q(String s) {
        return JSON.writeValueAsString(s);
    }

    /** A real MLflow export under {@code fixtures/mlflow-real/}, as a JSON tree. */
    public static JsonNode json(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream(MLFLOW_REAL + file)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + file);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real MLflow export under {@code fixtures/mlflow-real/}, read into the model by the small test-side reader below. */
    public static Trace trace(String file) {
        return trace(json(file));
    }

    public static Trace trace(JsonNode root) {
        JsonNode info = root.path("info");
        JsonNode spansNode = root.path("data").path("spans");
        List<Span> spans = new ArrayList<>();
        spansNode.forEach(s -> spans.add(s.has("context") ? spanV2(s) : spanV3(s)));
        return new Trace(info(info), spans);
    }

    static TraceInfo info(JsonNode i) {
        String id = text(i, "trace_id", text(i, "request_id", "tr-unknown"));
        Instant requestTime = i.has("request_time")
                ? Instant.parse(i.get("request_time").asString())
                : Instant.ofEpochMilli(i.path("timestamp_ms").asLong(0));
        Long duration = null;
        if (i.has("execution_duration_ms")) duration = i.get("execution_duration_ms").asLong();
        else if (i.has("execution_duration"))
            duration = new BigDecimal(i.get("execution_duration").asString().replace("s", "")).movePointRight(3)
                    .longValue();
        else if (i.hasNonNull("execution_time_ms")) duration = i.get("execution_time_ms").asLong();
        String experiment = i.path("trace_location").path("mlflow_experiment").path("experiment_id").asString(
                text(i, "experiment_id", TraceInfo.DEFAULT_EXPERIMENT));
        List<Assessment> assessments = new ArrayList<>();
        i.path("assessments").forEach(a -> assessments.add(assessment(a)));
        return new TraceInfo(id, experiment, requestTime, duration,
                TraceState.parse(text(i, "state", text(i, "status", null))),
                text(i, "request_preview", null), text(i, "response_preview", null), text(i, "client_request_id", null),
                stringMap(i.has("trace_metadata") ? i.get("trace_metadata") : i.path("request_metadata")),
                stringMap(i.path("tags")), assessments);
    }

    public static Assessment assessment(JsonNode a) {
        Assessment.Kind kind = a.has("expectation")
                ? Assessment.Kind.EXPECTATION
                : a.has("issue") ? Assessment.Kind.ISSUE : Assessment.Kind.FEEDBACK;
        JsonNode body = a.path(kind.name().toLowerCase());
        String valueJson = body.has("value") && !body.get("value").isNull()
                ? JSON.writeValueAsString(body.get("value"))
                : null;
        Assessment.SerializedValue serialized = body.has("serialized_value")
                ? new Assessment.SerializedValue(body.get("serialized_value").path("serialization_format").asString(""),
                        body.get("serialized_value").path("value").asString(""))
                : null;
        JsonNode err = body.has("error") ? body.get("error") : a.path("error");
        AssessmentError error = err.isObject()
                ? new AssessmentError(text(err, "error_code", null),
                        text(err, "error_message", null), text(err, "stack_trace", null))
                : null;
        return new Assessment(text(a, "assessment_id", ""), text(a, "assessment_name", ""), kind,
                text(a, "span_id", null),
                AssessmentSource.of(a.path("source").path("source_type").asString(null),
                        a.path("source").path("source_id").asString(null)),
                a.has("create_time") ? Instant.parse(a.get("create_time").asString()) : null,
                a.has("last_update_time") ? Instant.parse(a.get("last_update_time").asString()) : null,
                valueJson, serialized, error, text(a, "rationale", null), stringMap(a.path("metadata")),
                text(a, "overrides", null), !a.has("valid") || a.get("valid").asBoolean(), JSON.writeValueAsString(a));
    }

    private static Span spanV3(JsonNode s) {
        JsonNode status = s.path("status");
        return new Span(SpanIds.normalize(s.path("span_id").asString("")),
                SpanIds.normalize(s.path("parent_span_id").asString(null)),
                s.path("name").asString(""), nanos(s.path("start_time_unix_nano")),
                s.hasNonNull("end_time_unix_nano") ? nanos(s.get("end_time_unix_nano")) : null,
                SpanStatus.parse(status.path("code").asString(null)), status.path("message").asString(""),
                stringMap(s.path("attributes")), events(s.path("events"), "time_unix_nano"));
    }

    private static Span spanV2(JsonNode s) {
        return new Span(SpanIds.normalize(s.path("context").path("span_id").asString("")),
                SpanIds.normalize(s.path("parent_id").asString(null)), s.path("name").asString(""),
                nanos(s.path("start_time")), s.hasNonNull("end_time") ? nanos(s.get("end_time")) : null,
                SpanStatus.parse(s.path("status_code").asString(null)), s.path("status_message").asString(""),
                stringMap(s.path("attributes")), events(s.path("events"), "timestamp"));
    }

    private static List<SpanEvent> events(JsonNode events, String timeKey) {
        List<SpanEvent> out = new ArrayList<>();
        events.forEach(e -> out.add(
                new SpanEvent(e.path("name").asString(""), nanos(e.path(timeKey)), stringMap(e.path("attributes")))));
        return out;
    }

    private static long nanos(JsonNode n) {
        if (n.isNumber()) return n.asLong();
        try {
            return Long.parseLong(n.asString("0"));
        } catch (NumberFormatException placeholder) {
            return 0;
        }
    }

    /** Attribute and metadata values as the raw stored strings; non-string JSON values as their JSON text. */
    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isArray()) { // 2.x REST: [{key, value}]
            n.forEach(kv -> out.put(kv.path("key").asString(""), kv.path("value").asString("")));
        } else if (n.isObject()) {
            n.properties().forEach(e -> out.put(e.getKey(),
                    e.getValue().isString() ? e.getValue().asString() : JSON.writeValueAsString(e.getValue())));
        }
        return out;
    }

    private static String text(JsonNode n, String key, String fallback) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? fallback : v.asString();
    }
}
