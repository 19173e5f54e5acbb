package io.sessionlens.analysis.provenance;

import org.jspecify.annotations.Nullable;

/**
 * A fact an answer states and where it came from.
 *
 * @param firstTurn the 1-based turn whose answer said it first (this turn when it is new)
 * @param where the document or tool it came from, for evidence sentences; null for the user, answers and nowhere
 */
public record TracedFact(Fact fact, Source source, int firstTurn, @Nullable String where) {

    /** Stated without any source, here or in the earlier answer that introduced it. */
    public boolean unsupported() {
        return source == Source.NONE;
    }
}
