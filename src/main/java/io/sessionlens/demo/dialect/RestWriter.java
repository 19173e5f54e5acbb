package io.sessionlens.demo.dialect;

import io.sessionlens.demo.trace.DemoSpan;
import io.sessionlens.demo.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * The server's REST / UI shape (fixture 07): {@code data} before {@code info}, {@code execution_duration} as a
 * protobuf Duration string, span times as strings (they do not fit a JavaScript number), root parent {@code ""}.
 */
final class RestWriter implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        g.writeStartObject();
        g.writeName("data");
        g.writeStartObject();
        g.writeName("spans");
        g.writeStartArray();
        for (DemoSpan s : t.spans()) {
            RestSpanJson.writeStart(g, s, t);
            MlflowSpanAttributes.write(g, s, t.traceId());
            RestSpanJson.writeStatusAndEvents(g, s, true);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        TraceInfoV3Json.write(g, t, TraceInfoV3Json.Style.REST);
        g.writeEndObject();
    }
}
