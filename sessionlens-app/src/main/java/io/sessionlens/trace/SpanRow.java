package io.sessionlens.trace;

import io.sessionlens.trace.model.SpanStatus;
import org.jspecify.annotations.Nullable;

/**
 * One row of the span tree: a span without its attributes and events. Equal by span id only, so a grid keeps its
 * selection and expansion when the same span is read again.
 *
 * @param parentSpanId the parent as stored; it may name a span that is not in the trace (the row is then a root)
 * @param childCount how many spans name this one as their parent
 */
public record SpanRow(String spanId, @Nullable String parentSpanId, String name, String spanType, long startNs,
        @Nullable Long endNs, SpanStatus status, boolean hasError, int childCount) {

    public boolean hasChildren() {
        return childCount > 0;
    }

    /** Zero for a span that never ended (an in-progress trace). */
    public long durationNs() {
        return endNs == null ? 0 : Math.max(0, endNs - startNs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpanRow r && r.spanId.equals(spanId);
    }

    @Override
    public int hashCode() {
        return spanId.hashCode();
    }
}
