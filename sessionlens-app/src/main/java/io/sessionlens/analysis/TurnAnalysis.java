package io.sessionlens.analysis;

import java.util.List;

/**
 * One turn of the session, read from one trace.
 *
 * @param index 1-based position in the session, as MLflow's "Turn N" cards count
 * @param userText the last user message of the turn; empty when the trace holds none
 * @param assistantText the final assistant message with content (not a tool-call stub); empty when there is none
 * @param truncated the text came from a source MLflow cuts short (metadata at 250 characters, previews)
 * @param assessments per-turn assessments that are current (history inside each), scorer errors excluded
 */
public record TurnAnalysis(int index, String traceId, String userText, String assistantText, boolean truncated,
        ReadFrom readFrom, List<AssessmentView> assessments, List<ErrorSpan> errorSpans, List<ToolCall> toolCalls,
        List<RetrievedDocument> retrievedDocuments, ContextWindow contextWindow, List<Signal> signals) {
    public TurnAnalysis {
        assessments = List.copyOf(assessments);
        errorSpans = List.copyOf(errorSpans);
        toolCalls = List.copyOf(toolCalls);
        retrievedDocuments = List.copyOf(retrievedDocuments);
        signals = List.copyOf(signals);
    }
}
