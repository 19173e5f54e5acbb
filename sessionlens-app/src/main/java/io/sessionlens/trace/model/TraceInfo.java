package io.sessionlens.trace.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Trace-level facts. {@link #traceId} is MLflow's own id ({@code tr-…}, or the 2.x request id) so users can look
 * the trace up in MLflow.
 */
public record TraceInfo(
        String traceId,
        String experimentId,
        Instant requestTime,
        @Nullable Long executionDurationMs,
        TraceState state,
        @Nullable String requestPreview,
        @Nullable String responsePreview,
        @Nullable String clientRequestId,
        Map<String, String> metadata,
        Map<String, String> tags,
        List<Assessment> assessments) {

    /** Experiment id used when an export does not name one (MLflow's default experiment). */
    public static final String DEFAULT_EXPERIMENT = "0";

    public TraceInfo {
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        assessments = List.copyOf(assessments);
    }

    public Optional<String> sessionId() {
        String s = metadata.get(MlflowKeys.SESSION);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    public Optional<String> user() {
        String s = metadata.get(MlflowKeys.USER);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
