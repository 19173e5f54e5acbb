package io.sessionlens.demodata.scenario;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What went wrong in a session, by construction, in the vocabulary of the app's evidence model (its decision record 011).
 * Turn numbers are 1-based in request-time order.
 *
 * @param rootCauseKind one of {@link #TOOL_ERROR}, {@link #OUTDATED_RETRIEVAL}, {@link #HALLUCINATION},
 *     {@link #CONTEXT_LOSS} or {@link #OTHER}; null for a healthy session
 * @param reason for {@link #OTHER}: what kind of fault it was, in words; null otherwise
 * @param chain later turns that carried the fault on: answers that repeat its facts, the first answer that needed a
 *     lost fact, the flagged turn
 * @param flaggedTurn where the failure showed: the first turn a judge flagged or that ended in an error it did not
 *     recover from; null when neither happened
 */
public record GroundTruth(@Nullable Integer rootCauseTurn, @Nullable String rootCauseKind, @Nullable String reason,
        List<Integer> chain, @Nullable Integer flaggedTurn) {

    /** A tool call failed and was not recovered, and the answer went on as if it had worked. */
    public static final String TOOL_ERROR = "tool_error";
    /** The answer took its facts from a document whose own metadata says it is outdated. */
    public static final String OUTDATED_RETRIEVAL = "outdated_retrieval";
    /** The answer states something found in no tool result, retrieved document or user message. */
    public static final String HALLUCINATION = "hallucination";
    /**
     * The model's input no longer held a fact the user gave, which a later answer needed; the root cause is the first
     * turn whose input lacks it.
     */
    public static final String CONTEXT_LOSS = "context_loss";
    /** Any other fault; {@link #reason()} says which. */
    public static final String OTHER = "other";

    public GroundTruth {
        chain = List.copyOf(chain);
        if ((reason != null) != OTHER.equals(rootCauseKind)) {
            throw new IllegalArgumentException("a reason goes with the kind 'other', and only with it");
        }
    }

    public static GroundTruth healthy() {
        return new GroundTruth(null, null, null, List.of(), null);
    }

    public static GroundTruth rootCause(int turn, String kind, List<Integer> chain, @Nullable Integer flaggedTurn) {
        return new GroundTruth(turn, kind, null, chain, flaggedTurn);
    }

    public static GroundTruth other(int turn, String reason, List<Integer> chain, @Nullable Integer flaggedTurn) {
        return new GroundTruth(turn, OTHER, reason, chain, flaggedTurn);
    }
}
