package io.sessionlens.trace.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One span, in one shape for every dialect. Ids are lowercase hex. Attribute values are the raw stored
 * strings, as MLflow ≥3.6 writes them (usually JSON-encoded, but not always: OpenInference over OTLP wrote
 * plain strings), so an export can be written back unchanged. {@link #parentSpanId} is null for a root.
 */
public record Span(
        String spanId,
        @Nullable String parentSpanId,
        String name,
        long startTimeUnixNano,
        @Nullable Long endTimeUnixNano,
        SpanStatus status,
        String statusMessage,
        Map<String, String> attributes,
        List<SpanEvent> events) {

    public Span {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        events = List.copyOf(events);
    }

    public boolean isRoot() {
        return parentSpanId == null;
    }

    public @Nullable String attribute(String key) {
        return attributes.get(key);
    }

    /** Span type with the JSON quotes removed ({@code "\"LLM\""} → {@code LLM}); UNKNOWN when absent. */
    public String spanType() {
        String raw = attributes.get(MlflowKeys.SPAN_TYPE);
        if (raw == null) {
            String oi = attributes.get(MlflowKeys.OI_SPAN_KIND);
            return oi == null ? "UNKNOWN" : JsonText.unquote(oi).toUpperCase(java.util.Locale.ROOT);
        }
        return JsonText.unquote(raw);
    }

    public long durationNanos() {
        return endTimeUnixNano == null ? 0 : Math.max(0, endTimeUnixNano - startTimeUnixNano);
    }

    public boolean hasError() {
        return status == SpanStatus.ERROR || events.stream().anyMatch(SpanEvent::isException);
    }
}
