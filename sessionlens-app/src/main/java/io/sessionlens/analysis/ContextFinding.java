package io.sessionlens.analysis;

/**
 * Something odd about what a turn's LLM call was given.
 *
 * @param turn 1-based turn
 * @param kind one of the constants below
 */
public record ContextFinding(int turn, String kind, String detail) {
    /** The oldest turns are missing while later ones are present. */
    public static final String SLIDING_WINDOW = "sliding_window";
    /** A turn in the middle of the history is missing. */
    public static final String HISTORY_GAP = "history_gap";
    /** The call got none of the earlier turns. */
    public static final String NO_HISTORY = "no_history";
    /** A summary, or a message no earlier turn said, stands in the history. */
    public static final String SUMMARY_INSERTED = "summary_inserted";
    /** An earlier message appears more often than it was said. */
    public static final String DUPLICATED_HISTORY = "duplicated_history";
    /** The system prompt differs from the previous turn's. */
    public static final String SYSTEM_PROMPT_CHANGED = "system_prompt_changed";
}
