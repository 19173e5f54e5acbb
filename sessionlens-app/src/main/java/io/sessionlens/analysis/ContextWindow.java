package io.sessionlens.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the turn's main LLM call (the last LLM or CHAT_MODEL span) was given, compared with the conversation so far.
 *
 * @param messagesSeen input messages of that call
 * @param earlierTurnsSeen earlier turns whose user or assistant text appears in that input
 * @param earlierTurnsTotal earlier turns in the session
 * @param droppedTurns earlier turns (1-based) missing from that input
 * @param summaryInserted the input holds a summary or a message that no earlier turn said
 * @param duplicatedHistory an earlier turn appears more often than it was said
 * @param systemPromptChanged the system prompt differs from the previous turn's
 */
public record ContextWindow(@Nullable String llmSpanId, int messagesSeen, int earlierTurnsSeen, int earlierTurnsTotal,
        List<Integer> droppedTurns, boolean summaryInserted, boolean duplicatedHistory, boolean systemPromptChanged) {
    public ContextWindow {
        droppedTurns = List.copyOf(droppedTurns);
    }

    /** For a turn without an LLM span: nothing is known about what the model saw. */
    public static ContextWindow unknown(int earlierTurnsTotal) {
        return new ContextWindow(null, 0, 0, earlierTurnsTotal, List.of(), false, false, false);
    }
}
