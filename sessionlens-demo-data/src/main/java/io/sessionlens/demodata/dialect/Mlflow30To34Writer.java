package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * MLflow 3.0–3.4 {@code traces get} output (fixture 01): base64 ids, {@code trace_state: ""}, the root's
 * {@code parent_span_id} as {@code ""} rather than null, and no {@code events} key when a span has none.
 */
final class Mlflow30To34Writer implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        TraceDocument.writeCli(g, t, s -> writeSpan(g, s, t));
    }

    private static void writeSpan(JsonGenerator g, DemoSpan s, DemoTrace t) {
        Base64SpanFrame.writeStart(g, s, t, false);
        MlflowSpanAttributes.write(g, s, t.traceId());
        Base64SpanFrame.writeStatusAndEvents(g, s, true);
        g.writeEndObject();
    }
}
