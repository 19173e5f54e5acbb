package io.sessionlens.demodata.scenario;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One scripted turn: what the user said, what the app did, what it answered, and how it was judged.
 *
 * @param assistant the final answer; empty when the turn failed or is still running
 * @param systemPrompt a new system prompt deployed from this turn on; null keeps the previous one
 * @param withoutDefaultJudges names of default judges this turn was not scored with
 * @param inProgress the trace was exported while the turn was still running
 */
public record ScriptTurn(
        String user,
        String assistant,
        List<RetrievedDoc> docs,
        List<ToolUse> tools,
        @Nullable ModelFailure modelFailure,
        List<AssessmentSpec> assessments,
        Set<String> withoutDefaultJudges,
        @Nullable String systemPrompt,
        boolean inProgress) {

    public ScriptTurn {
        docs = List.copyOf(docs);
        tools = List.copyOf(tools);
        assessments = List.copyOf(assessments);
        withoutDefaultJudges = Set.copyOf(withoutDefaultJudges);
    }

    public boolean failsWithToolError() {
        return tools.stream().anyMatch(t -> t.failure() != null);
    }
}
