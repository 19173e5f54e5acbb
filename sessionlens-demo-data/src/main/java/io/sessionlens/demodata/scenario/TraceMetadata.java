package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.PyJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Trace metadata and tags as the MLflow version of the dialect sets them when a trace ends. */
final class TraceMetadata {
    /** {@code mlflow.traceInputs}/{@code traceOutputs} are cut to 250 characters, suffix included. */
    static final int METADATA_LIMIT = 250;
    /** Previews are cut to 1,000 characters by the OSS client. */
    static final int PREVIEW_LIMIT = 1000;

    private TraceMetadata() {}

    record TokenCount(long input, long output) {
        long total() {
            return input + output;
        }
    }

    static Map<String, String> metadata(Script s, List<DemoSpan> spans, TokenCount tokens, boolean finished) {
        Dialect d = s.dialect();
        DemoSpan root = spans.getFirst();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mlflow.trace_schema.version", d == Dialect.MLFLOW_2 ? "2" : "3");
        if (d != Dialect.OPENINFERENCE_OTLP) {
            if (root.inputs() != null)
                m.put("mlflow.traceInputs", truncate(PyJson.dumps(root.inputs()), METADATA_LIMIT));
            if (finished && root.outputs() != null) {
                m.put("mlflow.traceOutputs", truncate(PyJson.dumps(root.outputs()), METADATA_LIMIT));
            }
            if (d != Dialect.MLFLOW_2) {
                m.put("mlflow.source.name", s.domain().sourceName());
                m.put("mlflow.source.type", "LOCAL");
                m.put("mlflow.user", s.domain().serviceUser());
            }
        }
        if (s.sessionId() != null) m.put(AssessmentFactory.SESSION_KEY, s.sessionId());
        m.put("mlflow.trace.user", s.endUser());
        if (tokens.total() > 0 && d != Dialect.MLFLOW_2) {
            Map<String, Long> usage = new LinkedHashMap<>();
            usage.put("input_tokens", tokens.input());
            usage.put("output_tokens", tokens.output());
            usage.put("total_tokens", tokens.total());
            m.put("mlflow.trace.tokenUsage", PyJson.dumps(usage));
        }
        if (d != Dialect.MLFLOW_2 && d != Dialect.OPENINFERENCE_OTLP && finished) {
            List<Integer> sizes = spans.stream().map(TraceMetadata::approximateSize).toList();
            m.put("mlflow.trace.sizeBytes", Long.toString(sizes.stream().mapToLong(Integer::longValue).sum()));
            if (d.writesSizeStats()) {
                m.put("mlflow.trace.sizeStats", sizeStats(sizes));
                m.put("mlflow.trace.infoFinalized", "true");
            }
        }
        return m;
    }

    static Map<String, String> tags(Script s, String traceId, String traceName) {
        Map<String, String> t = new LinkedHashMap<>();
        if (s.dialect() == Dialect.MLFLOW_2) {
            // 2.x kept the source in tags rather than metadata (fixture 05).
            t.put("mlflow.source.name", s.domain().sourceName());
            t.put("mlflow.source.type", "LOCAL");
        }
        t.put("mlflow.traceName", traceName);
        String exp = s.domain().experimentId();
        t.put("mlflow.artifactLocation", "mlflow-artifacts:/" + exp + "/traces/" + traceId + "/artifacts");
        if (s.dialect().tagsSpansLocation()) t.put("mlflow.trace.spansLocation", "TRACKING_STORE");
        return t;
    }

    static String truncate(String value, int limit) {
        return value.length() <= limit ? value : value.substring(0, limit - 3) + "...";
    }

    static @Nullable String preview(@Nullable String value) {
        return value == null ? null : truncate(value, PREVIEW_LIMIT);
    }

    /** Close to the size of the span's JSON, which is what MLflow measures. */
    private static int approximateSize(DemoSpan span) {
        int size = 260 + span.name().length();
        size += length(span.inputs()) + length(span.outputs());
        for (Map.Entry<String, JsonNode> e : span.attributes().entrySet())
            size += e.getKey().length() + length(e.getValue()) + 6;
        for (var e : span.events()) size += 80 + e.attributes().values().stream().mapToInt(String::length).sum();
        return size;
    }

    private static int length(@Nullable JsonNode n) {
        return n == null ? 0 : PyJson.dumps(n).length() + 24;
    }

    private static String sizeStats(List<Integer> sizes) {
        List<Integer> sorted = new ArrayList<>(sizes);
        Collections.sort(sorted);
        var stats = Json.obj();
        stats.put("total_size_bytes", sorted.stream().mapToLong(Integer::longValue).sum());
        stats.put("num_spans", sorted.size());
        stats.put("max", sorted.getLast());
        stats.put("p25", percentile(sorted, 25));
        stats.put("p50", percentile(sorted, 50));
        stats.put("p75", percentile(sorted, 75));
        return PyJson.dumps(stats);
    }

    private static int percentile(List<Integer> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
