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
    public RootCause {
        chain = List.copyOf(chain);
    }
}
