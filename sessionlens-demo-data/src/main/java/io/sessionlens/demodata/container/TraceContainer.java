package io.sessionlens.demodata.container;

import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoTrace;
import java.io.OutputStream;

/** A file shape that holds traces. Traces may be produced lazily; each is written as soon as it is produced. */
public interface TraceContainer {

    /** Name used in file names and documentation. */
    String name();

    void write(OutputStream out, Dialect dialect, Iterable<DemoTrace> traces);
}
