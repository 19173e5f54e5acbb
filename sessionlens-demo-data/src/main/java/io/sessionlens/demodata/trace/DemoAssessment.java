package io.sessionlens.demodata.trace;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A feedback or expectation on a trace, or on one of its spans when {@link #spanId} is set.
 *
 * @param value the verdict (feedback) or expected value (expectation); null for a scorer error
 * @param serialized write an expectation as {@code serialized_value} (how MLflow stores lists and dicts)
 * @param valid null leaves the key out, which MLflow reads as valid
 */
public record DemoAssessment(
        String assessmentId,
        String name,
        Kind kind,
        @Nullable String spanId,
        String sourceType,
        String sourceId,
        Instant createTime,
        Instant lastUpdateTime,
        @Nullable JsonNode value,
        boolean serialized,
        @Nullable ScorerError error,
        @Nullable String rationale,
        Map<String, String> metadata,
        @Nullable String overrides,
        @Nullable Boolean valid) {

    public enum Kind {
        FEEDBACK, EXPECTATION
    }

    public DemoAssessment {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
