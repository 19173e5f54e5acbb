package io.sessionlens.demo.dialect;

import io.sessionlens.demo.trace.DemoSpan;
import io.sessionlens.demo.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/**
 * A trace whose spans an OpenInference client sent over OTLP (fixture 06): the REST frame, with foreign,
 * non-JSON-encoded attributes and no {@code mlflow.spanInputs}.
 */
final class OpenInferenceWriter implements DialectWriter {

    @Override
    public void write(JsonGenerator g, DemoTrace t) {
        g.writeStartObject();
        g.writeName("data");
        g.writeStartObject();
        g.writeName("spans");
        g.writeStartArray();
        for (DemoSpan s : t.spans()) {
            RestSpanJson.writeStart(g, s, t);
            g.writeName("attributes");
            g.writeStartObject();
            OpenInferenceSpanAttributes.encode(s, t.traceId()).forEach(g::writeStringProperty);
            g.writeEndObject();
            RestSpanJson.writeStatusAndEvents(g, s, false);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        TraceInfoV3Json.write(g, t, TraceInfoV3Json.Style.REST);
        g.writeEndObject();
    }
}
