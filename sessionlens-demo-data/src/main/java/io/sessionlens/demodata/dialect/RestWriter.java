package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * The server's REST / UI shape (fixture 07): {@code data} before {@code info}, {@code execution_duration} as a
 * protobuf Duration string, span times as strings (they do not fit a JavaScript number), root parent {@code ""}.
 */
final class RestWriter implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        TraceDocument.writeRest(g, t, s -> {
            Base64SpanFrame.writeStart(g, s, t, true);
            MlflowSpanAttributes.write(g, s, t.traceId());
            Base64SpanFrame.writeStatusAndEvents(g, s, true);
            g.writeEndObject();
        });
    }
}
