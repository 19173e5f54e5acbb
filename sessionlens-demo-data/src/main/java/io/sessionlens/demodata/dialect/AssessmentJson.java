package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoAssessment;
import io.sessionlens.demodata.trace.ProtoTime;
import io.sessionlens.demodata.trace.PyJson;
import tools.jackson.core.JsonGenerator;

/** Assessment JSON (spec §3), the same in CLI and REST output except how a trace-level span id is left out. */
final class AssessmentJson {
    private AssessmentJson() {}

    /**
     * @param blankSpanId write {@code "span_id": ""} for trace-level assessments, as the UI/REST payloads do; the
     *     CLI leaves the key out
     */
    static void write(JsonGenerator g, DemoAssessment a, String traceId, boolean blankSpanId) {
        g.writeStartObject();
        g.writeStringProperty("assessment_id", a.assessmentId());
        g.writeStringProperty("assessment_name", a.name());
        g.writeStringProperty("trace_id", traceId);
        if (a.spanId() != null) g.writeStringProperty("span_id", a.spanId());
        else if (blankSpanId) g.writeStringProperty("span_id", "");
        g.writeName("source");
        g.writeStartObject();
        g.writeStringProperty("source_type", a.sourceType());
        g.writeStringProperty("source_id", a.sourceId());
        g.writeEndObject();
        g.writeStringProperty("create_time", ProtoTime.timestamp(a.createTime()));
        g.writeStringProperty("last_update_time", ProtoTime.timestamp(a.lastUpdateTime()));
        if (a.kind() == DemoAssessment.Kind.FEEDBACK) writeFeedback(g, a);
        else
            writeExpectation(g, a);
        if (a.rationale() != null) g.writeStringProperty("rationale", a.rationale());
        if (!a.metadata().isEmpty()) {
            g.writeName("metadata");
            g.writeStartObject();
            a.metadata().forEach(g::writeStringProperty);
            g.writeEndObject();
        }
        if (a.overrides() != null) g.writeStringProperty("overrides", a.overrides());
        if (a.valid() != null) g.writeBooleanProperty("valid", a.valid());
        g.writeEndObject();
    }

    static void writeList(JsonGenerator g, Iterable<DemoAssessment> assessments, String traceId, boolean blankSpanId) {
        g.writeName("assessments");
        g.writeStartArray();
        for (DemoAssessment a : assessments) write(g, a, traceId, blankSpanId);
        g.writeEndArray();
    }

    private static void writeFeedback(JsonGenerator g, DemoAssessment a) {
        g.writeName("feedback");
        g.writeStartObject();
        g.writeName("value");
        if (a.value() == null) g.writeNull();
        else
            g.writeTree(a.value());
        if (a.error() != null) {
            g.writeName("error");
            g.writeStartObject();
            g.writeStringProperty("error_code", a.error().errorCode());
            g.writeStringProperty("error_message", a.error().errorMessage());
            g.writeStringProperty("stack_trace", a.error().stackTrace());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeExpectation(JsonGenerator g, DemoAssessment a) {
        g.writeName("expectation");
        g.writeStartObject();
        if (a.serialized() && a.value() != null) {
            // The Python client serializes lists and dicts; the format name is JSON_FORMAT (the UI mock says "json").
            g.writeName("serialized_value");
            g.writeStartObject();
            g.writeStringProperty("serialization_format", "JSON_FORMAT");
            g.writeStringProperty("value", PyJson.dumps(a.value()));
            g.writeEndObject();
        } else {
            g.writeName("value");
            if (a.value() == null) g.writeNull();
            else
                g.writeTree(a.value());
        }
        g.writeEndObject();
    }
}
