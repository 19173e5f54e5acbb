package io.sessionlens.analysis.testing;

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
 * Reads the real MLflow fixtures under {@code src/test/resources/fixtures/mlflow-real} into model records. A small
 * test-side reader (the importer feature owns the real one): v3 CLI and REST trace info, v2 trace info, v3 and v2
 * spans, assessments.
 */
public final class Fixtures {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DIR = "/fixtures/mlflow-real/";

    private Fixtures() {}

    public static JsonNode json(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + file);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
        Instant requestTime = i.has("request_time") ? Instant.parse(i.get("request_time").asString())
                : Instant.ofEpochMilli(i.path("timestamp_ms").asLong(0));
        Long duration = null;
        if (i.has("execution_duration_ms")) duration = i.get("execution_duration_ms").asLong();
        else if (i.has("execution_duration")) duration = new BigDecimal(i.get("execution_duration").asString().replace("s", "")).movePointRight(3).longValue();
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
        Assessment.Kind kind = a.has("expectation") ? Assessment.Kind.EXPECTATION
                : a.has("issue") ? Assessment.Kind.ISSUE : Assessment.Kind.FEEDBACK;
        JsonNode body = a.path(kind.name().toLowerCase());
        String valueJson = body.has("value") && !body.get("value").isNull() ? JSON.writeValueAsString(body.get("value")) : null;
        Assessment.SerializedValue serialized = body.has("serialized_value")
                ? new Assessment.SerializedValue(body.get("serialized_value").path("serialization_format").asString(""),
                        body.get("serialized_value").path("value").asString(""))
                : null;
        JsonNode err = body.has("error") ? body.get("error") : a.path("error");
        AssessmentError error = err.isObject() ? new AssessmentError(text(err, "error_code", null),
                text(err, "error_message", null), text(err, "stack_trace", null)) : null;
        return new Assessment(text(a, "assessment_id", ""), text(a, "assessment_name", ""), kind, text(a, "span_id", null),
                AssessmentSource.of(a.path("source").path("source_type").asString(null), a.path("source").path("source_id").asString(null)),
                a.has("create_time") ? Instant.parse(a.get("create_time").asString()) : null,
                a.has("last_update_time") ? Instant.parse(a.get("last_update_time").asString()) : null,
                valueJson, serialized, error, text(a, "rationale", null), stringMap(a.path("metadata")),
                text(a, "overrides", null), !a.has("valid") || a.get("valid").asBoolean(), JSON.writeValueAsString(a));
    }

    private static Span spanV3(JsonNode s) {
        JsonNode status = s.path("status");
        return new Span(SpanIds.normalize(s.path("span_id").asString("")), SpanIds.normalize(s.path("parent_span_id").asString(null)),
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
        events.forEach(e -> out.add(new SpanEvent(e.path("name").asString(""), nanos(e.path(timeKey)), stringMap(e.path("attributes")))));
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
            n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : JSON.writeValueAsString(e.getValue())));
        }
        return out;
    }

    private static String text(JsonNode n, String key, String fallback) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? fallback : v.asString();
    }
}
