package io.sessionlens.trace.persistence;

import org.jspecify.annotations.Nullable;

/** Just enough of a span to place it in the tree: its parent and its position among its siblings. */
public record SpanLink(String spanId, @Nullable String parentSpanId, long startNs) {}
