package io.sessionlens.trace.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A feedback, expectation or issue attached to a trace (or a span of it).
 *
 * @param valueJson the value as JSON text ({@code "\"yes\""}, {@code "5"}, {@code "true"}, an object…); null when
 *     the feedback has no value (a scorer error) or the expectation was stored serialized
 * @param serializedValue an expectation's {@code serialized_value} as written, when the export used that form
 * @param raw the assessment JSON exactly as imported, so nothing in an export is dropped
 */
public record Assessment(
        String assessmentId,
        String name,
        Kind kind,
        @Nullable String spanId,
        AssessmentSource source,
        @Nullable Instant createTime,
        @Nullable Instant lastUpdateTime,
        @Nullable String valueJson,
        @Nullable SerializedValue serializedValue,
        @Nullable AssessmentError error,
        @Nullable String rationale,
        Map<String, String> metadata,
        @Nullable String overrides,
        boolean valid,
        String raw) {

    public enum Kind {
        FEEDBACK, EXPECTATION, ISSUE
    }

    public record SerializedValue(String format, String value) {}

    public Assessment {
        metadata = Map.copyOf(metadata);
        if (spanId != null && spanId.isBlank()) spanId = null;
    }

    /** Session-level assessments carry the session id in their metadata (MLflow's isSessionLevelAssessment). */
    public boolean isSessionLevel() {
        String s = metadata.get(MlflowKeys.SESSION);
        return s != null && !s.isBlank();
    }

    public boolean isScorerError() {
        return kind == Kind.FEEDBACK && error != null && (valueJson == null || valueJson.equals("null"));
    }
}
