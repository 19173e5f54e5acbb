package io.sessionlens.demo.dialect;

import io.sessionlens.demo.trace.DemoSpan;
import io.sessionlens.demo.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * MLflow ≥3.6 {@code traces get} output (fixture 02): base64 ids, root {@code parent_span_id: null},
 * {@code events: []} on every span, key order of {@code Span.to_dict}. Spans are written as they are produced,
 * so a lazily generated trace of any size keeps memory flat.
 */
final class Mlflow36Writer implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        String traceIdBase64 = Base64Ids.base64(t.otelTraceIdHex());
        TraceDocument.writeCli(g, t, s -> writeSpan(g, s, t, traceIdBase64));
    }

    private static void writeSpan(JsonGenerator g, DemoSpan s, DemoTrace t, String traceIdBase64) {
        g.writeStartObject();
        g.writeStringProperty("name", s.name());
        g.writeStringProperty("trace_id", traceIdBase64);
        g.writeStringProperty("span_id", Base64Ids.base64(s.spanId()));
        g.writeName("parent_span_id");
        if (s.parentSpanId() == null) g.writeNull();
        else g.writeString(Base64Ids.base64(s.parentSpanId()));
        g.writeNumberProperty("start_time_unix_nano", s.startNanos());
        g.writeName("end_time_unix_nano");
        if (s.endNanos() == null) g.writeNull();
        else g.writeNumber(s.endNanos());
        EventJson.writeArray(g, "events", s.events(), "time_unix_nano");
        g.writeName("status");
        g.writeStartObject();
        g.writeStringProperty("code", "STATUS_CODE_" + s.status().name());
        g.writeStringProperty("message", s.statusMessage());
        g.writeEndObject();
        MlflowSpanAttributes.write(g, s, t.traceId());
        g.writeEndObject();
    }
}
