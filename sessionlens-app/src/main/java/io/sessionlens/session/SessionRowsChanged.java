package io.sessionlens.session;

import io.sessionlens.trace.SessionRef;
import java.util.Set;

/**
 * These sessions' index rows were written, created or deleted, and the transaction that did it has committed. Published
 * once per transaction (never for one that rolled back); the search engine re-reads them (decision 041).
 */
public record SessionRowsChanged(Set<SessionRef> sessions) {
    /** Every session of this experiment was written by one bulk update (no row events), now committed. */
    public record Experiment(String experimentId) {}
}
