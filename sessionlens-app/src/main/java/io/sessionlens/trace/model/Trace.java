package io.sessionlens.trace.model;

import java.util.List;

/** A whole trace: one turn of a session. */
public record Trace(TraceInfo info, List<Span> spans) {
    public Trace {
        spans = List.copyOf(spans);
    }

    public String traceId() {
        return info.traceId();
    }

    public SpanTree tree() {
        return SpanTree.of(spans);
    }
}
