package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoTrace;
import io.sessionlens.demodata.trace.ProtoTime;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * TraceInfoV3 as {@code MessageToDict} writes it. The CLI renames the duration to {@code execution_duration_ms}
 * (an int); the REST API keeps protobuf's Duration string.
 */
final class TraceInfoV3Json {
    enum Style {
        CLI, REST
    }

    private TraceInfoV3Json() {}

    static void write(JsonGenerator g, DemoTrace t, Style style) {
        g.writeName("info");
        g.writeStartObject();
        g.writeStringProperty("trace_id", t.traceId());
        g.writeName("trace_location");
        g.writeStartObject();
        g.writeStringProperty("type", "MLFLOW_EXPERIMENT");
        g.writeName("mlflow_experiment");
        g.writeStartObject();
        g.writeStringProperty("experiment_id", t.experimentId());
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringProperty("request_time", ProtoTime.timestamp(t.requestTime()));
        if (style == Style.REST && t.durationMs() != null) {
            g.writeStringProperty("execution_duration", ProtoTime.duration(t.durationMs()));
        }
        g.writeStringProperty("state", t.state().name());
        // Empty maps and lists are left out by MessageToDict (spec §1.2): readers must treat missing as empty.
        writeMap(g, "trace_metadata", t.metadata(), style == Style.REST);
        if (style == Style.CLI && !t.assessments().isEmpty()) {
            AssessmentJson.writeList(g, t.assessments(), t.traceId(), false);
        }
        writeMap(g, "tags", t.tags(), style == Style.REST);
        if (style == Style.REST && !t.assessments().isEmpty()) {
            AssessmentJson.writeList(g, t.assessments(), t.traceId(), true);
        }
        if (t.requestPreview() != null) g.writeStringProperty("request_preview", t.requestPreview());
        if (t.responsePreview() != null) g.writeStringProperty("response_preview", t.responsePreview());
        if (style == Style.CLI && t.durationMs() != null) {
            g.writeNumberProperty("execution_duration_ms", t.durationMs());
        }
        g.writeEndObject();
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, String> map, boolean writeWhenEmpty) {
        if (map.isEmpty() && !writeWhenEmpty) return;
        g.writeName(name);
        g.writeStartObject();
        map.forEach(g::writeStringProperty);
        g.writeEndObject();
    }
}
