package io.sessionlens.analysis.rootcause;

/**
 * Evidence in one turn that could explain a later failure.
 *
 * @param kind the {@link io.sessionlens.analysis.RootCause#kind()} it would be reported as
 * @param rank among causes in the same turn, lower is more fundamental (stale data beats the error it led to)
 * @param description what happened, as the evidence sentence words it ("retriever returned doc …")
 * @param carrier the text whose facts later answers would repeat if they built on this cause
 */
record Cause(int turn, String kind, int rank, String description, String carrier) {}
