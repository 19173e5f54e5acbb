package io.sessionlens.trace.persistence;

import org.jspecify.annotations.Nullable;

/** Earliest start and latest end over a trace's spans; both null for a trace without spans. */
public record SpanWindow(@Nullable Long startNs, @Nullable Long endNs) {}
