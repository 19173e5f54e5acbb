package io.sessionlens.analysis;

/**
 * Something odd about what a turn's LLM call was given.
 *
 * @param turn 1-based turn
 * @param kind {@code sliding_window}, {@code history_dropped}, {@code no_history}, {@code summary_inserted},
 *     {@code duplicated_history} or {@code system_prompt_changed}
 */
public record ContextFinding(int turn, String kind, String detail) {}
