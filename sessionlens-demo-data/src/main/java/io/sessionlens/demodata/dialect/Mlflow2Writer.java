package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.DemoTrace;
import io.sessionlens.demodata.trace.PyJson;
import tools.jackson.core.JsonGenerator;

/**
 * MLflow 2.x {@code Trace.to_dict()} (fixture 05): {@code info.request_id/timestamp_ms/status/request_metadata},
 * spans with {@code context}, {@code parent_id}, {@code status_code}, plus {@code data.request/response}.
 * Assessments stay an empty list: 2.x had the key but no evaluation tooling that filled it.
 */
final class Mlflow2Writer implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        g.writeStartObject();
        g.writeName("info");
        g.writeStartObject();
        g.writeStringProperty("request_id", t.traceId());
        g.writeStringProperty("experiment_id", t.experimentId());
        g.writeNumberProperty("timestamp_ms", t.requestTime().toEpochMilli());
        g.writeName("execution_time_ms");
        if (t.durationMs() == null) g.writeNull();
        else
            g.writeNumber(t.durationMs());
        g.writeStringProperty("status", t.state().name());
        g.writeName("request_metadata");
        g.writeStartObject();
        t.metadata().forEach(g::writeStringProperty);
        g.writeEndObject();
        g.writeName("tags");
        g.writeStartObject();
        t.tags().forEach(g::writeStringProperty);
        g.writeEndObject();
        g.writeName("assessments");
        g.writeStartArray();
        g.writeEndArray();
        g.writeEndObject();

        g.writeName("data");
        g.writeStartObject();
        g.writeName("spans");
        g.writeStartArray();
        DemoSpan root = null;
        for (DemoSpan s : t.spans()) {
            if (root == null) root = s;
            writeSpan(g, s, t);
        }
        g.writeEndArray();
        g.writeName("request");
        if (root == null || root.inputs() == null) g.writeNull();
        else
            g.writeString(PyJson.dumps(root.inputs()));
        g.writeName("response");
        if (root == null || root.outputs() == null) g.writeNull();
        else
            g.writeString(PyJson.dumps(root.outputs()));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeSpan(JsonGenerator g, DemoSpan s, DemoTrace t) {
        g.writeStartObject();
        g.writeStringProperty("name", s.name());
        g.writeName("context");
        g.writeStartObject();
        g.writeStringProperty("span_id", s.spanId());
        g.writeStringProperty("trace_id", t.otelTraceIdHex());
        g.writeEndObject();
        g.writeName("parent_id");
        if (s.parentSpanId() == null) g.writeNull();
        else
            g.writeString(s.parentSpanId());
        g.writeNumberProperty("start_time", s.startNanos());
        g.writeName("end_time");
        if (s.endNanos() == null) g.writeNull();
        else
            g.writeNumber(s.endNanos());
        g.writeStringProperty("status_code", s.status().name());
        g.writeStringProperty("status_message", s.statusMessage());
        MlflowSpanAttributes.write(g, s, t.traceId());
        EventJson.writeArray(g, "events", s.events(), "timestamp");
        g.writeEndObject();
    }
}
