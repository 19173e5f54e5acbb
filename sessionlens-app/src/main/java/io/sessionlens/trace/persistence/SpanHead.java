package io.sessionlens.trace.persistence;

import org.jspecify.annotations.Nullable;

/** A span without its attributes and events, with its child count: what a tree row needs. */
public record SpanHead(String spanId, @Nullable String parentSpanId, String name, String spanType, long startNs,
        @Nullable Long endNs, String status, boolean hasError, long childCount) {}
