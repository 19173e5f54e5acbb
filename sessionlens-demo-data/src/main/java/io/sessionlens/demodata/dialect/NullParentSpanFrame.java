package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.DemoTrace;
import java.util.function.UnaryOperator;
import tools.jackson.core.JsonGenerator;

/**
 * The span shape of {@code Span.to_dict} since 3.5 (fixture 02): a root's parent is {@code null} and {@code events}
 * is always present. 3.5 and ≥3.6 differ only in how ids and status codes are spelled.
 */
final class NullParentSpanFrame {
    private NullParentSpanFrame() {}

    /**
     * @param spanTraceId the span's {@code trace_id} as this version spells it
     * @param spanId how this version spells a hex span id
     * @param statusPrefix {@code "STATUS_CODE_"}, or {@code ""} for 3.5's bare codes
     */
    static void write(JsonGenerator g, DemoSpan s, DemoTrace t, String spanTraceId, UnaryOperator<String> spanId,
            String statusPrefix) {
        g.writeStartObject();
        g.writeStringProperty("name", s.name());
        g.writeStringProperty("trace_id", spanTraceId);
        g.writeStringProperty("span_id", spanId.apply(s.spanId()));
        g.writeName("parent_span_id");
        if (s.parentSpanId() == null) g.writeNull();
        else
            g.writeString(spanId.apply(s.parentSpanId()));
        g.writeNumberProperty("start_time_unix_nano", s.startNanos());
        g.writeName("end_time_unix_nano");
        if (s.endNanos() == null) g.writeNull();
        else
            g.writeNumber(s.endNanos());
        EventJson.writeArray(g, "events", s.events(), "time_unix_nano");
        g.writeName("status");
        g.writeStartObject();
        g.writeStringProperty("code", statusPrefix + s.status().name());
        g.writeStringProperty("message", s.statusMessage());
        g.writeEndObject();
        MlflowSpanAttributes.write(g, s, t.traceId());
        g.writeEndObject();
    }
}
