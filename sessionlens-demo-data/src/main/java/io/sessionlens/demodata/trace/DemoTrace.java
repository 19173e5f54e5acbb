package io.sessionlens.demodata.trace;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One generated trace (one chat turn). {@link #spans} may be lazy, so a 50,000-span trace is produced while it
 * is written rather than held in memory; the root span comes first.
 *
 * @param traceId the id as the trace's MLflow version shows it: {@code tr-<hex>} in 3.x, a bare request id in 2.x
 * @param otelTraceIdHex the OpenTelemetry trace id (32 hex) that span JSON refers to
 * @param durationMs null while the trace is in progress
 * @param metadata trace metadata exactly as written, including the dialect's own keys
 */
public record DemoTrace(
        String traceId,
        String otelTraceIdHex,
        String experimentId,
        Instant requestTime,
        @Nullable Long durationMs,
        DemoTraceState state,
        @Nullable String requestPreview,
        @Nullable String responsePreview,
        Map<String, String> metadata,
        Map<String, String> tags,
        List<DemoAssessment> assessments,
        Iterable<DemoSpan> spans) {

    public DemoTrace {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        assessments = List.copyOf(assessments);
    }
}
