package io.sessionlens.demodata.scenario;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What went wrong in a session, by construction. Turn numbers are 1-based in request-time order. */
public record GroundTruth(
        @Nullable Integer rootCauseTurn, @Nullable String rootCauseKind, List<Integer> chain, @Nullable Integer flaggedTurn) {

    public static final String TOOL_ERROR = "tool_error";
    public static final String OUTDATED_RETRIEVAL = "outdated_retrieval";
    public static final String FAILING_ASSESSMENT = "failing_assessment";
    public static final String HALLUCINATION = "hallucination";
    public static final String ERROR_SPAN = "error_span";
    public static final String USER_CORRECTION = "user_correction";

    public GroundTruth {
        chain = List.copyOf(chain);
    }

    public static GroundTruth healthy() {
        return new GroundTruth(null, null, List.of(), null);
    }

    public static GroundTruth rootCause(int turn, String kind, List<Integer> chain, int flaggedTurn) {
        return new GroundTruth(turn, kind, chain, flaggedTurn);
    }
}
