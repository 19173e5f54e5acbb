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

    public boolean isRoot() { return parentSpanId == null; }

    public @Nullable String attribute(String key) {
        return attributes.get(key);
    }

    /** Span type with the JSON quotes removed ({@code "\"LLM\""} → {@code LLM}); UNKNOWN when absent. */
    public String spanType() {
        String raw = attributes.get(MlflowKeys.SPAN_TYPE);
        if (raw == null) {
            String oi = attributes.get(MlflowKeys.OI_SPAN_KIND);
            return oi == null ? "UNKNOWN" : unquote(oi).toUpperCase(java.util.Locale.ROOT);
        }
        return unquote(raw);
    }

    /**
     * {@code "\"LLM\""} → {@code LLM}; anything but a simple quoted string comes back unchanged. Not a second JSON
     * decoder: span types are identifiers, so stripping the quotes is all the decoding they need, and the model stays
     * free of Jackson (ArchitectureTest). Everything else is decoded by {@code trace.json.JsonValues}.
     */
    private static String unquote(String raw) {
        String s = raw.trim();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"' && s.indexOf('\\') < 0
                && s.indexOf('"', 1) == s.length() - 1) {
            return s.substring(1, s.length() - 1);
        }
        return raw;
    }

    public long durationNanos() {
        return endTimeUnixNano == null ? 0 : Math.max(0, endTimeUnixNano - startTimeUnixNano);
    }

    public boolean hasError() {
        return status == SpanStatus.ERROR || events.stream().anyMatch(SpanEvent::isException);
    }
}
