package io.sessionlens.importer.read;

import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanEvent;
import io.sessionlens.trace.model.SpanIds;
import io.sessionlens.trace.model.SpanStatus;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One span JSON object, in any of the shapes MLflow wrote, as a {@link Span}:
 * <ul>
 *   <li>2.x: {@code context{span_id, trace_id}}, {@code parent_id}, {@code start_time}/{@code end_time},
 *       {@code status_code}/{@code status_message}, events with {@code timestamp};</li>
 *   <li>3.0–3.4: base64 ids, root {@code parent_span_id: ""}; 3.5: hex ids and status {@code OK/ERROR};
 *       ≥3.6: base64 ids, root {@code null};</li>
 *   <li>REST {@code traces/get}: OTLP protobuf JSON, times as strings, attributes as a typed list.</li>
 * </ul>
 */
final class SpanReader {
    /** A nanosecond epoch time is above this from 1973 on; a microsecond one stays below it until the year 5138. */
    static final long MICROS_BELOW = 100_000_000_000_000_000L;

    private SpanReader() {}

    /**
     * @param span the span, with start time 0 when {@code startMissing} (the caller knows the trace's request time)
     */
    record ReadSpan(Span span, boolean startMissing) {}

    /** The span, or null (with a warning) when it has no id and so cannot be placed in the tree. */
    static @Nullable ReadSpan read(JsonNode node, int ordinal, List<String> warnings) {
        JsonNode context = node.path("context");
        String spanId = SpanIds.normalize(Fields.text(node, "span_id", "spanId"));
        if (spanId == null && context.isObject()) spanId = SpanIds.normalize(Fields.text(context, "span_id"));
        String name = Fields.text(node, "name");
        if (spanId == null) {
            warnings.add(
                    "span #" + ordinal + (name == null ? "" : " '" + name + "'") + " has no span_id and was skipped");
            return null;
        }
        // MLflow 3.0–3.4 wrote "" rather than null for a root span's parent; normalize maps both to null.
        String parentId = SpanIds.normalize(Fields.text(node, "parent_span_id", "parentSpanId", "parent_id"));
        Long start = Fields.wholeNumber(node, "start_time_unix_nano", "startTimeUnixNano", "start_time");
        Long end = Fields.wholeNumber(node, "end_time_unix_nano", "endTimeUnixNano", "end_time");
        Status status = status(node);
        Span span = new Span(spanId, parentId, name == null ? "" : name, start == null ? 0 : start, end,
                status.code(), status.message(), AttributeValues.spanAttributes(Fields.get(node, "attributes")),
                events(Fields.get(node, "events")));
        return new ReadSpan(span, start == null);
    }

    private record Status(SpanStatus code, String message) {}

    private static Status status(JsonNode node) {
        JsonNode status = Fields.get(node, "status");
        if (status != null && status.isObject()) {
            return new Status(statusCode(Fields.get(status, "code")), orEmpty(Fields.text(status, "message")));
        }
        if (status != null && status.isString()) return new Status(SpanStatus.parse(status.stringValue()), "");
        return new Status(statusCode(Fields.get(node, "status_code")), orEmpty(Fields.text(node, "status_message")));
    }

    /** Status codes come as names ({@code STATUS_CODE_OK}, {@code OK}) or, in generic OTLP JSON, as numbers 0/1/2. */
    private static SpanStatus statusCode(@Nullable JsonNode code) {
        if (code == null) return SpanStatus.UNSET;
        if (code.isIntegralNumber()) {
            return switch (code.asInt()) {
                case 1 -> SpanStatus.OK;
                case 2 -> SpanStatus.ERROR;
                default -> SpanStatus.UNSET;
            };
        }
        String text = code.isString() ? code.stringValue().trim() : null;
        // MLflow's UI-era payloads wrote the OTLP number as text or as a number: 1 is OK, 2 is ERROR
        if (text != null && text.matches("\\d"))
            return text.equals("1") ? SpanStatus.OK : text.equals("2") ? SpanStatus.ERROR : SpanStatus.UNSET;
        return SpanStatus.parse(text);
    }

    private static List<SpanEvent> events(@Nullable JsonNode events) {
        List<SpanEvent> out = new ArrayList<>();
        if (events == null || !events.isArray()) return out;
        for (JsonNode e : events) {
            if (!e.isObject()) continue;
            Long time = Fields.wholeNumber(e, "time_unix_nano", "timeUnixNano");
            if (time == null) {
                // MLflow 2.x wrote event timestamps in microseconds under "timestamp" (span times are nanoseconds)
                time = Fields.wholeNumber(e, "timestamp");
                if (time != null && time < MICROS_BELOW) time = time * 1_000;
            }
            String name = Fields.text(e, "name");
            out.add(new SpanEvent(name == null ? "" : name, time == null ? 0 : time,
                    AttributeValues.eventAttributes(Fields.get(e, "attributes"))));
        }
        return out;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
