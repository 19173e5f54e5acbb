package io.sessionlens.demodata.container;

import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoTrace;
import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;

/** JSON Lines: one compact trace per line, UTF-8 as is (as {@code jq -c '.traces[]'} writes them). */
public final class JsonLinesDocument implements TraceContainer {

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public void write(OutputStream out, Dialect dialect, Iterable<DemoTrace> traces) {
        for (DemoTrace t : traces) {
            // One generator per line: a shared one would put its root-value separator (a space) before each line.
            try (JsonGenerator g = JsonOutput.compact(out)) {
                dialect.writer().write(g, t);
                g.writeRaw('\n');
            }
        }
    }
}
