package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoTrace;
import java.util.function.UnaryOperator;
import tools.jackson.core.JsonGenerator;

/**
 * MLflow 3.5.x {@code traces get} output: for a few weeks spans carried hex ids, {@code trace_id: "tr-<hex>"} and
 * a bare {@code "OK"/"ERROR"} status code before 3.6 went back to base64 (spec §1.4). The exact key order of that
 * release is not on record; this writer uses today's.
 */
final class Mlflow35Writer implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        String spanTraceId = "tr-" + t.otelTraceIdHex();
        TraceDocument.writeCli(g, t,
                s -> NullParentSpanFrame.write(g, s, t, spanTraceId, UnaryOperator.identity(), ""));
    }
}
