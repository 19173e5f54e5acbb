package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * MLflow ≥3.6 {@code traces get} output (fixture 02): base64 ids, root {@code parent_span_id: null},
 * {@code events: []} on every span, key order of {@code Span.to_dict}. Spans are written as they are produced,
 * so a lazily generated trace of any size keeps memory flat.
 */
final class Mlflow36Writer implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        String spanTraceId = Base64Ids.base64(t.otelTraceIdHex());
        TraceDocument.writeCli(g, t,
                s -> NullParentSpanFrame.write(g, s, t, spanTraceId, Base64Ids::base64, "STATUS_CODE_"));
    }
}
