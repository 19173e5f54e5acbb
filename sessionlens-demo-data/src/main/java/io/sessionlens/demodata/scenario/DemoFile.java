package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.container.TraceContainer;
import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoTrace;
import java.util.List;

/** One file of the demo set: its name, shape, dialect and traces in file order. */
public record DemoFile(String name, TraceContainer container, Dialect dialect, List<DemoTrace> traces) {
    public DemoFile {
        traces = List.copyOf(traces);
    }
}
