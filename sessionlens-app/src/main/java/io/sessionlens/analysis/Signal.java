package io.sessionlens.analysis;

/**
 * One piece of per-turn evidence, worded so an analyst can check it in the trace.
 *
 * @param kind one of {@link io.sessionlens.analysis.signal.SignalKind}'s constants
 */
public record Signal(String kind, String detail) {}
