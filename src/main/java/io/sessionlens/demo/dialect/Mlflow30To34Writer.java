package io.sessionlens.demo.dialect;

import io.sessionlens.demo.trace.DemoSpan;
import io.sessionlens.demo.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * MLflow 3.0–3.4 {@code traces get} output (fixture 01): base64 ids, {@code trace_state: ""}, the root's
 * {@code parent_span_id} as {@code ""} rather than null, and no {@code events} key when a span has none.
 */
final class Mlflow30To34Writer implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        g.writeStartObject();
        TraceInfoV3Json.write(g, t, TraceInfoV3Json.Style.CLI);
        g.writeName("data");
        g.writeStartObject();
        g.writeName("spans");
        g.writeStartArray();
        for (DemoSpan s : t.spans()) writeSpan(g, s, t);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeSpan(JsonGenerator g, DemoSpan s, DemoTrace t) {
        g.writeStartObject();
        g.writeStringProperty("trace_id", SpanIds.base64(t.otelTraceIdHex()));
        g.writeStringProperty("span_id", SpanIds.base64(s.spanId()));
        g.writeStringProperty("trace_state", "");
        g.writeStringProperty("parent_span_id", s.parentSpanId() == null ? "" : SpanIds.base64(s.parentSpanId()));
        g.writeStringProperty("name", s.name());
        g.writeNumberProperty("start_time_unix_nano", s.startNanos());
        g.writeName("end_time_unix_nano");
        if (s.endNanos() == null) g.writeNull();
        else g.writeNumber(s.endNanos());
        MlflowSpanAttributes.write(g, s, t.traceId());
        g.writeName("status");
        g.writeStartObject();
        g.writeStringProperty("message", s.statusMessage());
        g.writeStringProperty("code", "STATUS_CODE_" + s.status().name());
        g.writeEndObject();
        if (!s.events().isEmpty()) EventJson.writeArray(g, "events", s.events(), "time_unix_nano");
        g.writeEndObject();
    }
}
