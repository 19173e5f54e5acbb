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

    /**
     * What findings of this kind say, without a turn's particulars: the line that stands for several turns with the
     * same finding ("turns 5–12: the system prompt changed from the turn before").
     */
    public static String headline(String kind) {
        return switch (kind) {
            case SLIDING_WINDOW -> "the oldest turns were left out of the model's input";
            case HISTORY_GAP -> "turns in the middle of the history were left out of the model's input";
            case NO_HISTORY -> "the model got none of the earlier turns";
            case SUMMARY_INSERTED -> "a summary, or a message no earlier turn said, stood in the history";
            case DUPLICATED_HISTORY -> "an earlier message was in the history more often than it was said";
            case SYSTEM_PROMPT_CHANGED -> "the system prompt changed from the turn before";
            default -> kind.replace('_', ' ');
        };
    }
}
