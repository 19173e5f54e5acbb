package io.sessionlens.demodata;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One generated session and its ground truth.
 *
 * @param sessionId the {@code mlflow.trace.session} value; for a trace written without one, its own trace id
 *     (it forms a one-turn session of its own)
 * @param dialect how the traces are spelled: {@code mlflow-2.x}, {@code mlflow-3.0-3.4}, {@code mlflow-3.5},
 *     {@code mlflow-3.6+}, {@code mlflow-rest} or {@code openinference-otlp}
 * @param chatFormat the chat I/O convention of the root span: {@code string}, {@code openai-chat},
 *     {@code openai-responses}, {@code langchain}, {@code anthropic}, {@code gemini}, {@code bedrock-converse},
 *     {@code otel-genai}, {@code dict}, or {@code wrapper(<format>)} for an empty root above an AGENT child
 * @param sessionAssessmentNames names of the session-level assessments on the chronologically first trace
 * @param rootCauseTurn the turn where the failure started; null for a healthy session
 * @param rootCauseKind {@code tool_error}, {@code outdated_retrieval}, {@code hallucination}, {@code context_loss}
 *     or {@code other} (the app's kinds, its decision record 011); null for a healthy session
 * @param rootCauseReason for {@code other}: what kind of fault it was, in words; null otherwise
 * @param chain later turns that carried the fault on, in order: answers that repeat its facts, the first answer that
 *     needed a lost fact, the flagged turn
 * @param flaggedTurn where the failure showed: the first turn a judge flagged or that ended in an error it did not
 *     recover from; null when neither happened
 * @param story one or two sentences a human can check against the traces
 */
public record ExpectedSession(
        String experimentId,
        String sessionId,
        String dialect,
        String chatFormat,
        List<ExpectedTurn> turns,
        List<String> sessionAssessmentNames,
        @Nullable Integer rootCauseTurn,
        @Nullable String rootCauseKind,
        @Nullable String rootCauseReason,
        List<Integer> chain,
        @Nullable Integer flaggedTurn,
        String story) {

    public ExpectedSession {
        turns = List.copyOf(turns);
        sessionAssessmentNames = List.copyOf(sessionAssessmentNames);
        chain = List.copyOf(chain);
    }
}
