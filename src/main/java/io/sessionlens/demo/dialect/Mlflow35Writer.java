package io.sessionlens.demo.dialect;

import io.sessionlens.demo.trace.DemoSpan;
import io.sessionlens.demo.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * MLflow 3.5.x {@code traces get} output: for a few weeks spans carried hex ids, {@code trace_id: "tr-<hex>"} and
 * a bare {@code "OK"/"ERROR"} status code before 3.6 went back to base64 (spec §1.4).
 */
final class Mlflow35Writer implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        TraceDocument.writeCli(g, t, s -> writeSpan(g, s, t));
    }

    private static void writeSpan(JsonGenerator g, DemoSpan s, DemoTrace t) {
        g.writeStartObject();
        g.writeStringProperty("trace_id", "tr-" + t.otelTraceIdHex());
        g.writeStringProperty("span_id", s.spanId());
        g.writeName("parent_span_id");
        if (s.parentSpanId() == null) g.writeNull();
        else g.writeString(s.parentSpanId());
        g.writeStringProperty("name", s.name());
        g.writeNumberProperty("start_time_unix_nano", s.startNanos());
        g.writeName("end_time_unix_nano");
        if (s.endNanos() == null) g.writeNull();
        else g.writeNumber(s.endNanos());
        EventJson.writeArray(g, "events", s.events(), "time_unix_nano");
        g.writeName("status");
        g.writeStartObject();
        g.writeStringProperty("code", s.status().name());
        g.writeStringProperty("message", s.statusMessage());
        g.writeEndObject();
        MlflowSpanAttributes.write(g, s, t.traceId());
        g.writeEndObject();
    }
}
