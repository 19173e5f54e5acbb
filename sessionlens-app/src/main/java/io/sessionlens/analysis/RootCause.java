package io.sessionlens.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The earliest turn whose evidence explains why the session failed, how sure the analysis is, and what else it
 * considered (decision 011, the evidence model).
 *
 * @param turn 1-based turn where it started
 * @param kind what kind of fault it was
 * @param evidence one sentence an analyst can check against the traces
 * @param chain later turns (1-based, ascending) that carried the fault on: answers that repeat its facts, the first
 *     answer that needed a lost fact, the flagged turn
 * @param flaggedTurn the first turn whose answer an LLM judge failed (not a human label, a code metric or a retrieval
 *     judge); null when none did
 * @param confidence 0–1: how strong the evidence for this turn is and how clearly it beats the alternatives
 * @param candidates the turns considered, best first (at most {@link #MAX_CANDIDATES}; the first is this verdict)
 * @param reason for {@link RootCauseKind#OTHER}: what kind of evidence it was; null otherwise
 */
public record RootCause(int turn, RootCauseKind kind, String evidence, List<Integer> chain,
        @Nullable Integer flaggedTurn,
        double confidence, List<Candidate> candidates, @Nullable String reason) {

    public static final int MAX_CANDIDATES = 3;

    public RootCause {
        chain = List.copyOf(chain);
        candidates = List.copyOf(candidates);
    }

    /**
     * One turn the analysis considered as the root cause.
     *
     * @param score 0–1: the strength of the turn's own negative evidence times how well it is linked to the failure
     */
    public record Candidate(int turn, RootCauseKind kind, double score, String evidence) {}
}
