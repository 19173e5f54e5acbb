package io.sessionlens.trace.persistence;

import org.jspecify.annotations.Nullable;

/** A span without its attributes and events: what a tree row needs, read without touching the large JSON columns. */
public record SpanHead(String spanId, @Nullable String parentSpanId, String name, String spanType, long startNs,
        @Nullable Long endNs, String status, boolean hasError) {}
