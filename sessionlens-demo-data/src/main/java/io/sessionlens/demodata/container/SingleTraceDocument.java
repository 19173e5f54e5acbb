package io.sessionlens.demodata.container;

import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoTrace;
import java.io.OutputStream;
import java.util.Iterator;
import tools.jackson.core.JsonGenerator;

/** What {@code mlflow traces get --trace-id X} prints: one trace, no envelope. */
public final class SingleTraceDocument implements TraceContainer {

    @Override
    public String name() {
        return "traces-get";
    }

    @Override
    public void write(OutputStream out, Dialect dialect, Iterable<DemoTrace> traces) {
        Iterator<DemoTrace> it = traces.iterator();
        if (!it.hasNext())
            throw new IllegalArgumentException("a traces-get document holds exactly one trace, got none");
        DemoTrace trace = it.next();
        if (it.hasNext()) throw new IllegalArgumentException("a traces-get document holds exactly one trace, got more");
        try (JsonGenerator g = JsonOutput.pythonPretty(out)) {
            dialect.writer().write(g, trace);
            g.writeRaw('\n');
        }
    }
}
