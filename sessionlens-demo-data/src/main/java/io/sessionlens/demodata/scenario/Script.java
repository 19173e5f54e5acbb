package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.chat.ChatFormat;
import io.sessionlens.demodata.dialect.Dialect;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One scripted chat session and its ground truth.
 *
 * @param sessionId null for a trace sent without a session id
 * @param historyTurns how many previous turns the app sends to the model (0: all), a sliding window
 * @param startOffset when the session starts, after the generator's base time
 * @param turnGap how long the user takes between turns, at most (at least a third of it)
 */
public record Script(
        String key,
        Domain domain,
        Dialect dialect,
        ChatFormat format,
        String model,
        @Nullable String sessionId,
        String endUser,
        int historyTurns,
        Duration startOffset,
        Duration turnGap,
        List<ScriptTurn> turns,
        List<AssessmentSpec> sessionAssessments,
        GroundTruth truth,
        String story) {

    public Script {
        turns = List.copyOf(turns);
        sessionAssessments = List.copyOf(sessionAssessments);
    }
}
