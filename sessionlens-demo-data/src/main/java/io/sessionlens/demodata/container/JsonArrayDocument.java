package io.sessionlens.demodata.container;

import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoTrace;
import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;

/** A plain JSON array of traces, as people save a list of {@code Trace.to_dict()} results. */
public final class JsonArrayDocument implements TraceContainer {

    @Override
    public String name() {
        return "json-array";
    }

    @Override
    public void write(OutputStream out, Dialect dialect, Iterable<DemoTrace> traces) {
        try (JsonGenerator g = JsonOutput.pythonPretty(out)) {
            g.writeStartArray();
            JsonOutput.writeEach(g, dialect, traces);
            g.writeEndArray();
            g.writeRaw('\n');
        }
    }
}
