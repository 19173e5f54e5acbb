package io.sessionlens.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The earliest turn whose evidence explains why the session failed.
 *
 * @param turn 1-based turn where it started
 * @param kind {@code tool_error}, {@code outdated_retrieval}, {@code failing_assessment}, {@code hallucination},
 *     {@code error_span}, {@code user_correction} or {@code context_window}
 * @param evidence one sentence an analyst can check against the traces
 * @param chain later turns (1-based, ascending) whose answers reuse the cause's content
 * @param flaggedTurn the turn where the failure showed (a judge's flag, an error, the answer the user corrected);
 *     null when only a session-level judge failed
 */
public record RootCause(int turn, String kind, String evidence, List<Integer> chain, @Nullable Integer flaggedTurn) {

    public static final String TOOL_ERROR = "tool_error";
    public static final String OUTDATED_RETRIEVAL = "outdated_retrieval";
    public static final String FAILING_ASSESSMENT = "failing_assessment";
    public static final String HALLUCINATION = "hallucination";
    public static final String ERROR_SPAN = "error_span";
    public static final String USER_CORRECTION = "user_correction";
    public static final String CONTEXT_WINDOW = "context_window";

    public RootCause {
        chain = List.copyOf(chain);
    }
}
