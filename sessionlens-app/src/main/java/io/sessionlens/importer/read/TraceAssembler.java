package io.sessionlens.importer.read;

import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanTree;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns the parts of one trace object into a {@link Trace}, repairing what can be repaired (and saying so in a
 * warning) and rejecting, with a reason, what cannot be a trace.
 */
final class TraceAssembler {
    private TraceAssembler() {}

    /** How many spans a warning names before it says "and N more". */
    private static final int NAMED_IN_WARNING = 5;

    sealed interface Outcome {}

    record Accepted(Trace trace, List<String> warnings) implements Outcome {}

    /**
     * @param traceId the trace's id when it was known, so the problem can name it
     * @param notATrace the object is not a trace at all (its shape is wrong), rather than a trace with a defect
     */
    record Rejected(@Nullable String traceId, String message, boolean notATrace) implements Outcome {}

    static Outcome assemble(TraceParts parts) {
        Rejected wrongShape = wrongShape(parts);
        if (wrongShape != null) return wrongShape;
        // A bare TraceInfo (search results, REST trace info): its fields are the object itself.
        boolean infoOnly = parts.info == null && !parts.spansSeen && !parts.dataSeen;
        JsonNode infoNode = infoOnly ? parts.other : parts.info;
        List<String> warnings = new ArrayList<>(parts.warnings);
        TraceInfoReader.InfoFields info = TraceInfoReader.read(
                infoNode == null ? JsonNodeFactory.instance.objectNode() : infoNode, warnings);

        String traceId = traceId(info, infoNode != null, parts.spans, warnings);
        if (traceId == null) {
            return new Rejected(null, "no trace id: neither the trace info nor the spans' "
                    + MlflowKeys.TRACE_REQUEST_ID + " names the trace", false);
        }
        List<SpanReader.ReadSpan> unique = withUniqueIds(parts.spans, warnings);
        Instant requestTime = requestTime(info, unique, warnings);
        if (requestTime == null) {
            return new Rejected(traceId, "no request time, and no span start time to take it from", false);
        }
        List<Span> spans = withStartTimes(unique, requestTime, warnings);
        SpanTree tree = SpanTree.of(spans);
        if (spans.isEmpty()) {
            warnings.add(infoOnly ? "no spans: the export holds only the trace info, without span data" : "no spans");
        }
        warnAboutExtraRoots(tree, warnings);

        TraceInfo traceInfo = new TraceInfo(traceId, experimentId(info, warnings), requestTime, duration(info, tree),
                info.state(),
                info.requestPreview() != null ? info.requestPreview() : parts.dataRequest,
                info.responsePreview() != null ? info.responsePreview() : parts.dataResponse,
                info.clientRequestId(), info.metadata(), info.tags(), info.assessments());
        return new Accepted(new Trace(traceInfo, spans), warnings);
    }

    /** An object with neither trace info nor spans is a trace only if it is a bare TraceInfo. */
    private static @Nullable Rejected wrongShape(TraceParts parts) {
        if (parts.info != null || parts.spansSeen || parts.dataSeen) return null;
        if (Fields.has(parts.other, "span_id", "context", "parent_span_id")) {
            return new Rejected(null, "a single span, not a whole trace (keys: " + keyList(parts.keys)
                    + "); export whole traces with `mlflow traces get` or `mlflow traces search`", true);
        }
        return Fields.has(parts.other, "trace_id", "request_id")
                ? null
                : new Rejected(null, notATrace(parts.keys), true);
    }

    private static @Nullable String traceId(
            TraceInfoReader.InfoFields info, boolean hasInfo, List<SpanReader.ReadSpan> spans, List<String> warnings) {
        if (info.traceId() != null) return info.traceId();
        String fromSpans = traceIdFromSpans(spans);
        if (fromSpans != null && hasInfo) {
            warnings.add("the trace info has no trace_id; took " + fromSpans + " from the spans' "
                    + MlflowKeys.TRACE_REQUEST_ID);
        }
        return fromSpans;
    }

    private static @Nullable Instant requestTime(
            TraceInfoReader.InfoFields info, List<SpanReader.ReadSpan> spans, List<String> warnings) {
        if (info.requestTime() != null) return info.requestTime();
        Long earliest = spans.stream().filter(s -> !s.startMissing())
                .map(s -> s.span().startTimeUnixNano()).min(Long::compare).orElse(null);
        if (earliest == null) return null;
        Instant fromSpans = Instant.EPOCH.plusNanos(earliest);
        warnings.add("no request time; used the earliest span start, " + fromSpans);
        return fromSpans;
    }

    private static String experimentId(TraceInfoReader.InfoFields info, List<String> warnings) {
        if (info.experimentId() != null) return info.experimentId();
        String fallback = TraceInfo.DEFAULT_EXPERIMENT;
        warnings.add(info.locationType() != null && !"MLFLOW_EXPERIMENT".equals(info.locationType())
                ? "the trace location is " + info.locationType() + ", not an MLflow experiment; filed under experiment "
                        + fallback
                : "no experiment id; filed under experiment " + fallback + " (MLflow's default experiment)");
        return fallback;
    }

    /** MLflow's own definition when the export has none: the root span's end minus its start. */
    private static @Nullable Long duration(TraceInfoReader.InfoFields info, SpanTree tree) {
        if (info.executionDurationMs() != null) return info.executionDurationMs();
        return tree.root().filter(r -> r.endTimeUnixNano() != null).map(r -> r.durationNanos() / 1_000_000)
                .orElse(null);
    }

    private static @Nullable String traceIdFromSpans(List<SpanReader.ReadSpan> spans) {
        for (SpanReader.ReadSpan s : spans) {
            String raw = s.span().attribute(MlflowKeys.TRACE_REQUEST_ID);
            if (raw != null) {
                String id = Fields.decodeJsonString(raw).trim();
                if (!id.isEmpty()) return id;
            }
        }
        return null;
    }

    /**
     * Two spans with one id (an export whose ids were redacted, a buggy exporter) would make the tree ambiguous, but
     * dropping one can drop the very span that failed. Every span is kept: the first keeps its id, each later one gets
     * a stable synthetic id ({@code <id>~2}, {@code <id>~3} in file order) under the same parent, and the import warns.
     */
    private static List<SpanReader.ReadSpan> withUniqueIds(List<SpanReader.ReadSpan> spans, List<String> warnings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<SpanReader.ReadSpan> out = new ArrayList<>(spans.size());
        for (SpanReader.ReadSpan s : spans) {
            Span span = s.span();
            int n = counts.merge(span.spanId(), 1, Integer::sum);
            if (n == 1) {
                out.add(s);
                continue;
            }
            // a redacted export redacts parent ids too: a parent of the same id is the first span of that id
            String id = span.spanId() + "~" + n;
            out.add(new SpanReader.ReadSpan(
                    new Span(id, span.parentSpanId(), span.name(), span.startTimeUnixNano(), span.endTimeUnixNano(),
                            span.status(), span.statusMessage(), span.attributes(), span.events()),
                    s.startMissing()));
        }
        counts.forEach((id, n) -> {
            if (n > 1)
                warnings.add("span id " + id + " appears " + n + " times; kept every span, the later ones as " + id
                        + "~2…" + id + "~" + n);
        });
        return out;
    }

    private static List<Span> withStartTimes(List<SpanReader.ReadSpan> spans, Instant requestTime,
            List<String> warnings) {
        List<Span> out = new ArrayList<>(spans.size());
        List<Span> repaired = new ArrayList<>();
        long requestNanos = TimeValues.toNanos(requestTime);
        for (SpanReader.ReadSpan s : spans) {
            Span span = s.span();
            if (s.startMissing()) {
                span = new Span(span.spanId(), span.parentSpanId(), span.name(), requestNanos, span.endTimeUnixNano(),
                        span.status(), span.statusMessage(), span.attributes(), span.events());
                repaired.add(span);
            }
            out.add(span);
        }
        if (!repaired.isEmpty()) {
            warnings.add(
                    count(repaired.size(), "span has", "spans have") + " no start time; used the trace's request time: "
                            + named(repaired, TraceAssembler::describe));
        }
        return out;
    }

    /** Orphans and cycles become extra roots in {@link SpanTree}; the user should know why the tree looks odd. */
    private static void warnAboutExtraRoots(SpanTree tree, List<String> warnings) {
        List<Span> orphans = new ArrayList<>();
        List<Span> onCycle = new ArrayList<>();
        for (Span root : tree.roots()) {
            String parent = root.parentSpanId();
            if (parent == null) continue;
            if (tree.span(parent).isPresent()) {
                onCycle.add(root);
            } else {
                orphans.add(root);
            }
        }
        if (!orphans.isEmpty()) {
            warnings.add(count(orphans.size(), "span points", "spans point")
                    + " to a parent that is not in the trace, shown as extra roots: "
                    + named(orphans, s -> describe(s) + " → missing parent " + s.parentSpanId()));
        }
        if (!onCycle.isEmpty()) {
            warnings.add(count(onCycle.size(), "span is", "spans are")
                    + " on a parent cycle, shown as extra roots: " + named(onCycle, TraceAssembler::describe));
        }
    }

    private static String describe(Span s) {
        return "'" + s.name() + "' (" + s.spanId() + ")";
    }

    private static String named(List<Span> spans, Function<Span, String> describe) {
        List<String> names = spans.stream().limit(NAMED_IN_WARNING).map(describe).toList();
        String more = spans.size() > NAMED_IN_WARNING ? " and " + (spans.size() - NAMED_IN_WARNING) + " more" : "";
        return String.join(", ", names) + more;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String notATrace(List<String> keys) {
        if (keys.isEmpty()) return "an empty JSON object, not an MLflow trace";
        return "not an MLflow trace: found keys " + keyList(keys)
                + " (expected info and data, traces, trace, trace_info or spans)";
    }

    private static String keyList(List<String> keys) {
        List<String> shown = keys.stream().filter(Objects::nonNull).limit(10).toList();
        return String.join(", ", shown) + (keys.size() > shown.size() ? ", …" : "");
    }
}
