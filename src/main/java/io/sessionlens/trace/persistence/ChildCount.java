package io.sessionlens.trace.persistence;

/** How many children a span has (from one grouped query per page of rows). */
public record ChildCount(String parentSpanId, long count) {}
