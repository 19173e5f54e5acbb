package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoTrace;
import tools.jackson.core.JsonGenerator;

/** Writes one trace as one JSON object, spelled as one MLflow version spelled it. */
public interface DialectWriter {
    void write(JsonGenerator g, DemoTrace trace);
}
