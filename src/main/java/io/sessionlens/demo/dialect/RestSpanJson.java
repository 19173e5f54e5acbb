package io.sessionlens.demo.dialect;

import io.sessionlens.demo.trace.DemoSpan;
import io.sessionlens.demo.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/** The span frame shared by the REST and OTLP-ingested shapes; they differ only in their attributes. */
final class RestSpanJson {
    private RestSpanJson() {}

    /** Opens the span object and writes ids and times; the caller writes attributes next. */
    static void writeStart(JsonGenerator g, DemoSpan s, DemoTrace t) {
        g.writeStartObject();
        g.writeStringProperty("trace_id", SpanIds.base64(t.otelTraceIdHex()));
        g.writeStringProperty("span_id", SpanIds.base64(s.spanId()));
        g.writeStringProperty("trace_state", "");
        g.writeStringProperty("parent_span_id", s.parentSpanId() == null ? "" : SpanIds.base64(s.parentSpanId()));
        g.writeStringProperty("name", s.name());
        g.writeStringProperty("start_time_unix_nano", Long.toString(s.startNanos()));
        g.writeName("end_time_unix_nano");
        if (s.endNanos() == null) g.writeNull();
        else g.writeString(Long.toString(s.endNanos()));
    }

    /**
     * @param alwaysMessage MLflow-native spans always carry a status message; raw OTLP spans carry one only when
     *     the producer set it (fixture 06 has none)
     */
    static void writeStatusAndEvents(JsonGenerator g, DemoSpan s, boolean alwaysMessage) {
        g.writeName("status");
        g.writeStartObject();
        if (alwaysMessage || !s.statusMessage().isEmpty()) g.writeStringProperty("message", s.statusMessage());
        g.writeStringProperty("code", "STATUS_CODE_" + s.status().name());
        g.writeEndObject();
        if (!s.events().isEmpty()) EventJson.writeArray(g, "events", s.events(), "time_unix_nano");
    }
}
