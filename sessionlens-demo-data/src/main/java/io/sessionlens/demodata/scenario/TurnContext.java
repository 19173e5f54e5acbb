package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.chat.ChatMessage;
import java.time.Instant;
import java.util.List;

/**
 * Everything a turn needs from its session.
 *
 * @param number 1-based turn number in request-time order
 * @param history the user and assistant messages of earlier turns, oldest first
 * @param evalRunId the evaluation run whose judges scored this session
 */
record TurnContext(
        Script script,
        int number,
        ScriptTurn turn,
        List<ChatMessage> history,
        String systemPrompt,
        Instant requestTime,
        String evalRunId) {

    TurnContext {
        history = List.copyOf(history);
    }

    boolean isFirst() { return number == 1; }
}
