package io.sessionlens.demo.scenario;

import io.sessionlens.demo.container.TraceContainer;
import io.sessionlens.demo.dialect.Dialect;
import io.sessionlens.demo.trace.DemoTrace;
import java.util.List;

/** One file of the demo set: its name, shape, dialect and traces in file order. */
public record DemoFile(String name, TraceContainer container, Dialect dialect, List<DemoTrace> traces) {
    public DemoFile {
        traces = List.copyOf(traces);
    }
}
