package io.sessionlens.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.TestSessions;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The records are the JSON API: their field names are the contract, serialised by Jackson as they are. */
class SessionAnalysisJsonTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> fields(JsonNode n) {
        return n.propertyNames().stream().toList();
    }

    @Test
    void field_names_are_the_api_contract() {
        JsonNode root = JSON
                .valueToTree(new SessionAnalyzer(AnalysisSettings.defaults()).analyze(TestSessions.staleFeeDocument()));

        assertThat(fields(root)).containsExactly("turns", "sessionAssessments", "scorerErrors", "rootCause",
                "contextFindings",
                "diagnosisNote");
        JsonNode turn = root.get("turns").get(2);
        assertThat(fields(turn)).containsExactly("index", "traceId", "userText", "assistantText", "truncated",
                "readFrom",
                "assessments", "errorSpans", "toolCalls", "retrievedDocuments", "contextWindow", "signals");
        assertThat(fields(turn.get("readFrom"))).containsExactly("spanId", "spanName", "inputKey", "outputKey",
                "format", "source");
        assertThat(fields(turn.get("retrievedDocuments").get(0))).containsExactly("spanId", "id", "uri", "score",
                "snippet",
                "metadata", "outdated", "outdatedReason");
        assertThat(fields(turn.get("contextWindow"))).containsExactly("llmSpanId", "messagesSeen", "earlierTurnsSeen",
                "earlierTurnsTotal", "droppedTurns", "summaryInserted", "duplicatedHistory", "systemPromptChanged");
        assertThat(fields(turn.get("signals").get(0))).containsExactly("kind", "detail");
        assertThat(fields(root.get("rootCause"))).containsExactly("turn", "kind", "evidence", "chain", "flaggedTurn",
                "confidence",
                "candidates", "reason");
        assertThat(root.get("rootCause").get("kind").asString()).isEqualTo("outdated_retrieval");
        assertThat(fields(root.get("rootCause").get("candidates").get(0))).containsExactly("turn", "kind", "score",
                "evidence");
        // what is stored reads back as it was written
        SessionAnalysis back = JSON.readValue(JSON.writeValueAsString(root), SessionAnalysis.class);
        assertThat(back.rootCause().kind()).isEqualTo(RootCauseKind.OUTDATED_RETRIEVAL);
        assertThat((JsonNode) JSON.valueToTree(back)).isEqualTo(root);
        JsonNode assessment = root.get("turns").get(4).get("assessments").get(0);
        assertThat(fields(assessment)).containsExactly("name", "value", "rationale", "source", "spanId", "verdict",
                "sessionLevel", "history");
        assertThat(assessment.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(root.get("rootCause").get("chain").toString()).isEqualTo("[4,5]");
    }

    @Test
    void tool_calls_and_error_spans_serialise_with_their_fields() {
        JsonNode root = JSON.valueToTree(
                new SessionAnalyzer(AnalysisSettings.defaults()).analyze(TestSessions.failedToolThenCorrection()));

        JsonNode turn = root.get("turns").get(1);
        assertThat(fields(turn.get("toolCalls").get(0))).containsExactly("spanId", "name", "arguments", "result",
                "error");
        assertThat(fields(turn.get("errorSpans").get(0))).containsExactly("spanId", "name", "message", "exceptionType",
                "stackTrace",
                "handled");
        assertThat(root.get("rootCause").has("flaggedTurn")).isTrue();
        assertThat(root.get("rootCause").get("flaggedTurn").isNull())
                .as("no judge flagged: the pushback is evidence, not a flag").isTrue();
    }
}
