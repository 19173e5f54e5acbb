package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * A trace whose spans an OpenInference client sent over OTLP (fixture 06): the REST frame, with foreign,
 * non-JSON-encoded attributes and no {@code mlflow.spanInputs}.
 */
final class OpenInferenceWriter implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        TraceDocument.writeRest(g, t, s -> {
            Base64SpanFrame.writeStart(g, s, t, true);
            g.writeName("attributes");
            g.writeStartObject();
            OpenInferenceSpanAttributes.encode(s, t.traceId()).forEach(g::writeStringProperty);
            g.writeEndObject();
            Base64SpanFrame.writeStatusAndEvents(g, s, false);
            g.writeEndObject();
        });
    }
}
