package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * The span frame of MLflow 3.0–3.4, of the REST/UI payload and of OTLP-ingested spans: base64 ids,
 * {@code trace_state: ""}, a root's parent as {@code ""}, and {@code events} only when there are some. They differ in
 * how times are spelled and in their attributes.
 */
final class Base64SpanFrame {
    private Base64SpanFrame() {}

    /**
     * Opens the span object and writes ids and times; the caller writes attributes next.
     *
     * @param timesAsStrings the REST/UI payload writes nanosecond times as strings (they exceed a JS number)
     */
    static void writeStart(JsonGenerator g, DemoSpan s, DemoTrace t, boolean timesAsStrings) {
        g.writeStartObject();
        g.writeStringProperty("trace_id", Base64Ids.base64(t.otelTraceIdHex()));
        g.writeStringProperty("span_id", Base64Ids.base64(s.spanId()));
        g.writeStringProperty("trace_state", "");
        g.writeStringProperty("parent_span_id", s.parentSpanId() == null ? "" : Base64Ids.base64(s.parentSpanId()));
        g.writeStringProperty("name", s.name());
        g.writeName("start_time_unix_nano");
        writeTime(g, s.startNanos(), timesAsStrings);
        g.writeName("end_time_unix_nano");
        if (s.endNanos() == null) g.writeNull();
        else
            writeTime(g, s.endNanos(), timesAsStrings);
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

    private static void writeTime(JsonGenerator g, long nanos, boolean asString) {
        if (asString) g.writeString(Long.toString(nanos));
        else
            g.writeNumber(nanos);
    }
}
