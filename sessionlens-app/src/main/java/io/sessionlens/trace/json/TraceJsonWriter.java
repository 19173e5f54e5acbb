package io.sessionlens.trace.json;

import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentError;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanEvent;
import io.sessionlens.trace.model.SpanIds;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import java.io.StringWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a trace as MLflow ≥3.6 {@code mlflow traces get} prints it, so MLflow (and SessionLens) can read it back:
 * base64 ids, {@code null} root parent, {@code STATUS_CODE_*} codes, {@code events} always present, empty maps and
 * lists left out, keys in MLflow's order. Assessments are written from their {@code raw} JSON, so nothing an export
 * carried is lost.
 */
public final class TraceJsonWriter {
    private TraceJsonWriter() {}

    private static final JsonMapper MAPPER = SharedJson.MAPPER;

    /** Indented by two spaces with {@code "key": value}, like Python's {@code json.dumps(indent=2)} in the CLI. */
    private static final ObjectWriter PRETTY = MAPPER.writer()
            .with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    /** The trace as MLflow ≥3.6 `mlflow traces get` JSON (pretty-printed like the CLI). */
    public static String toJson(Trace trace) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = PRETTY.createGenerator(out)) {
            write(trace, gen);
        }
        return out.toString();
    }

    /** Writes the trace as one JSON object to {@code gen}, pretty or compact as the generator is configured. */
    public static void write(Trace trace, JsonGenerator gen) {
        gen.writeStartObject();
        gen.writeName("info");
        writeInfo(trace.info(), gen);
        gen.writeName("data");
        gen.writeStartObject();
        gen.writeName("spans");
        gen.writeStartArray();
        String otelTraceId = OtelTraceIds.base64For(trace.traceId());
        for (Span span : trace.spans()) writeSpan(span, otelTraceId, gen);
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeInfo(TraceInfo info, JsonGenerator gen) {
        gen.writeStartObject();
        gen.writeStringProperty("trace_id", info.traceId());
        if (info.clientRequestId() != null) gen.writeStringProperty("client_request_id", info.clientRequestId());
        gen.writeName("trace_location");
        gen.writeStartObject();
        gen.writeStringProperty("type", "MLFLOW_EXPERIMENT");
        gen.writeName("mlflow_experiment");
        gen.writeStartObject();
        gen.writeStringProperty("experiment_id", info.experimentId());
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeStringProperty("request_time", ProtoTimestamps.format(info.requestTime()));
        gen.writeStringProperty("state", info.state().name());
        writeStringMap("trace_metadata", info.metadata(), gen);
        if (!info.assessments().isEmpty()) {
            gen.writeName("assessments");
            gen.writeStartArray();
            for (Assessment a : info.assessments()) writeAssessment(a, info.traceId(), gen);
            gen.writeEndArray();
        }
        writeStringMap("tags", info.tags(), gen);
        if (info.requestPreview() != null) gen.writeStringProperty("request_preview", info.requestPreview());
        if (info.responsePreview() != null) gen.writeStringProperty("response_preview", info.responsePreview());
        if (info.executionDurationMs() != null)
            gen.writeNumberProperty("execution_duration_ms", info.executionDurationMs());
        gen.writeEndObject();
    }

    private static void writeSpan(Span span, String otelTraceId, JsonGenerator gen) {
        gen.writeStartObject();
        gen.writeStringProperty("trace_id", otelTraceId);
        gen.writeStringProperty("span_id", SpanIds.toBase64(span.spanId()));
        if (span.parentSpanId() == null) {
            gen.writeNullProperty("parent_span_id");
        } else {
            gen.writeStringProperty("parent_span_id", SpanIds.toBase64(span.parentSpanId()));
        }
        gen.writeStringProperty("name", span.name());
        gen.writeNumberProperty("start_time_unix_nano", span.startTimeUnixNano());
        if (span.endTimeUnixNano() == null) {
            gen.writeNullProperty("end_time_unix_nano"); // an unfinished span, as MLflow writes it
        } else {
            gen.writeNumberProperty("end_time_unix_nano", span.endTimeUnixNano());
        }
        gen.writeName("events");
        gen.writeStartArray();
        for (SpanEvent e : span.events()) {
            gen.writeStartObject();
            gen.writeStringProperty("name", e.name());
            gen.writeNumberProperty("time_unix_nano", e.timeUnixNano());
            gen.writeName("attributes");
            writeMap(e.attributes(), gen);
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeName("status");
        gen.writeStartObject();
        gen.writeStringProperty("code", span.status().mlflowCode());
        gen.writeStringProperty("message", span.statusMessage());
        gen.writeEndObject();
        gen.writeName("attributes");
        writeMap(span.attributes(), gen);
        gen.writeEndObject();
    }

    /** MLflow omits empty maps rather than writing {@code {}}. */
    private static void writeStringMap(String name, Map<String, String> map, JsonGenerator gen) {
        if (map.isEmpty()) return;
        gen.writeName(name);
        writeMap(map, gen);
    }

    private static void writeMap(Map<String, String> map, JsonGenerator gen) {
        gen.writeStartObject();
        for (Map.Entry<String, String> e : map.entrySet()) gen.writeStringProperty(e.getKey(), e.getValue());
        gen.writeEndObject();
    }

    private static void writeAssessment(Assessment a, String traceId, JsonGenerator gen) {
        JsonNode raw = parseObject(a.raw());
        if (raw != null) {
            JsonTreeWriting.write(raw, gen);
        } else {
            writeAssessmentFields(a, traceId, gen);
        }
    }

    /** For assessments made in SessionLens rather than imported: no raw JSON, so the fields are all there is. */
    private static void writeAssessmentFields(Assessment a, String traceId, JsonGenerator gen) {
        gen.writeStartObject();
        gen.writeStringProperty("assessment_id", a.assessmentId());
        gen.writeStringProperty("assessment_name", a.name());
        gen.writeStringProperty("trace_id", traceId);
        if (a.spanId() != null) gen.writeStringProperty("span_id", a.spanId());
        gen.writeName("source");
        gen.writeStartObject();
        gen.writeStringProperty("source_type", a.source().type());
        if (a.source().id() != null) gen.writeStringProperty("source_id", a.source().id());
        gen.writeEndObject();
        if (a.createTime() != null) gen.writeStringProperty("create_time", ProtoTimestamps.format(a.createTime()));
        if (a.lastUpdateTime() != null) {
            gen.writeStringProperty("last_update_time", ProtoTimestamps.format(a.lastUpdateTime()));
        }
        switch (a.kind()) {
            case FEEDBACK -> {
                gen.writeName("feedback");
                gen.writeStartObject();
                writeValue(a.valueJson(), gen);
                if (a.error() != null) writeError(a.error(), gen);
                gen.writeEndObject();
            }
            case EXPECTATION -> {
                gen.writeName("expectation");
                gen.writeStartObject();
                if (a.serializedValue() != null) {
                    gen.writeName("serialized_value");
                    gen.writeStartObject();
                    gen.writeStringProperty("serialization_format", a.serializedValue().format());
                    gen.writeStringProperty("value", a.serializedValue().value());
                    gen.writeEndObject();
                } else {
                    writeValue(a.valueJson(), gen);
                }
                gen.writeEndObject();
            }
            case ISSUE -> {
                gen.writeName("issue");
                gen.writeStartObject();
                JsonNode name = a.valueJson() == null ? null : parse(a.valueJson());
                if (name != null && name.isString()) gen.writeStringProperty("issue_name", name.stringValue());
                gen.writeEndObject();
            }
        }
        if (a.rationale() != null) gen.writeStringProperty("rationale", a.rationale());
        writeStringMap("metadata", a.metadata(), gen);
        if (a.overrides() != null) gen.writeStringProperty("overrides", a.overrides());
        gen.writeBooleanProperty("valid", a.valid());
        gen.writeEndObject();
    }

    private static void writeValue(@Nullable String valueJson, JsonGenerator gen) {
        gen.writeName("value");
        JsonNode value = valueJson == null ? null : parse(valueJson);
        if (value == null) {
            gen.writeNull();
        } else {
            JsonTreeWriting.write(value, gen);
        }
    }

    private static void writeError(AssessmentError error, JsonGenerator gen) {
        gen.writeName("error");
        gen.writeStartObject();
        if (error.errorCode() != null) gen.writeStringProperty("error_code", error.errorCode());
        if (error.errorMessage() != null) gen.writeStringProperty("error_message", error.errorMessage());
        if (error.stackTrace() != null) gen.writeStringProperty("stack_trace", error.stackTrace());
        gen.writeEndObject();
    }

    private static @Nullable JsonNode parseObject(String json) {
        JsonNode node = json.isBlank() ? null : parse(json);
        return node != null && node.isObject() ? node : null;
    }

    private static @Nullable JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
