package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.trace.DemoAssessment;
import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.ScorerError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An assessment a script asks for; the assembler gives it ids, times and its trace.
 *
 * @param onRetrieverSpan attach to the turn's RETRIEVER span ({@code span_id}) instead of the trace
 * @param invalidatedByNext this one was later overridden: write {@code valid: false}; the next spec overrides it
 * @param overridesPrevious write {@code overrides: <previous spec's id>} and {@code valid: true}
 */
public record AssessmentSpec(
        String name,
        DemoAssessment.Kind kind,
        @Nullable JsonNode value,
        @Nullable String rationale,
        String sourceType,
        String sourceId,
        boolean onRetrieverSpan,
        boolean serialized,
        @Nullable ScorerError error,
        boolean invalidatedByNext,
        boolean overridesPrevious) {

    /** The judge model MLflow's built-in scorers were configured with. */
    public static final String JUDGE = "openai:/gpt-4.1-mini";

    public static AssessmentSpec judge(String name, String value, String rationale) {
        return new AssessmentSpec(name, DemoAssessment.Kind.FEEDBACK, Json.str(value), rationale, "LLM_JUDGE", JUDGE,
                false, false, null, false, false);
    }

    public static AssessmentSpec spanJudge(String name, String value, String rationale) {
        return new AssessmentSpec(name, DemoAssessment.Kind.FEEDBACK, Json.str(value), rationale, "LLM_JUDGE", JUDGE,
                true, false, null, false, false);
    }

    public static AssessmentSpec human(String name, String value, String rationale, String reviewer) {
        return new AssessmentSpec(name, DemoAssessment.Kind.FEEDBACK, Json.str(value), rationale, "HUMAN", reviewer,
                false, false, null, false, false);
    }

    public static AssessmentSpec expectedResponse(String text, String reviewer) {
        return new AssessmentSpec("expected_response", DemoAssessment.Kind.EXPECTATION, Json.str(text), null, "HUMAN",
                reviewer, false, false, null, false, false);
    }

    /** Lists are stored by MLflow as {@code serialized_value}. */
    public static AssessmentSpec expectedFacts(JsonNode facts, String reviewer) {
        return new AssessmentSpec("expected_facts", DemoAssessment.Kind.EXPECTATION, facts, null, "HUMAN", reviewer,
                false, true, null, false, false);
    }

    /** A scorer that crashed: no value, an error, source CODE (spec §3). */
    public static AssessmentSpec scorerError(String name, String message, String stackTrace) {
        return new AssessmentSpec(name, DemoAssessment.Kind.FEEDBACK, null, null, "CODE", name,
                false, false, new ScorerError("SCORER_ERROR", message, stackTrace), false, false);
    }

    public AssessmentSpec invalidated() {
        return new AssessmentSpec(name, kind, value, rationale, sourceType, sourceId, onRetrieverSpan, serialized,
                error,
                true, overridesPrevious);
    }

    public AssessmentSpec overriding() {
        return new AssessmentSpec(name, kind, value, rationale, sourceType, sourceId, onRetrieverSpan, serialized,
                error,
                invalidatedByNext, true);
    }
}
