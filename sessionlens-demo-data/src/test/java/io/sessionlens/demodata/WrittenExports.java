package io.sessionlens.demodata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads what the generator wrote with plain Jackson, independently of the project's importer: each file by its
 * container, each trace by whichever dialect it is in.
 */
final class WrittenExports {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One trace as found in a file. */
    record FoundTrace(Path file, int position, JsonNode node) {
        JsonNode info() {
            return node.path("info");
        }

        boolean isV2() { return info().has("request_id"); }

        String traceId() {
            return isV2() ? info().path("request_id").asString() : info().path("trace_id").asString();
        }

        JsonNode metadata() {
            return isV2() ? info().path("request_metadata") : info().path("trace_metadata");
        }

        @Nullable
        String session() {
            JsonNode s = metadata().get("mlflow.trace.session");
            return s == null ? null : s.asString();
        }

        long requestTimeMillis() {
            return isV2()
                    ? info().path("timestamp_ms").asLong()
                    : java.time.Instant.parse(info().path("request_time").asString()).toEpochMilli();
        }

        List<JsonNode> assessments() {
            return list(info().path("assessments"));
        }

        List<JsonNode> spans() {
            return list(node.path("data").path("spans"));
        }

        JsonNode root() {
            return spans().stream().filter(WrittenExports::isRoot).findFirst().orElseThrow();
        }

        String spanId(JsonNode span) {
            return isV2() ? span.path("context").path("span_id").asString() : span.path("span_id").asString();
        }

        List<JsonNode> children(JsonNode parent) {
            String id = spanId(parent);
            return spans().stream().filter(s -> id.equals(parentId(s))).toList();
        }

        String parentId(JsonNode span) {
            JsonNode p = isV2() ? span.get("parent_id") : span.get("parent_span_id");
            return p == null || p.isNull() ? "" : p.asString();
        }

        /** The span holding the turn's conversation: the root, or its AGENT child below an empty wrapper. */
        JsonNode conversationSpan() {
            JsonNode root = root();
            if (!"{}".equals(attribute(root, "mlflow.spanInputs").toString())) return root;
            return children(root).stream().filter(c -> "AGENT".equals(spanType(c))).findFirst().orElseThrow();
        }
    }

    static boolean isRoot(JsonNode span) {
        JsonNode p = span.has("context") ? span.get("parent_id") : span.get("parent_span_id");
        return p == null || p.isNull() || p.asString().isEmpty();
    }

    /** A span attribute JSON-decoded, or as a text node when it is not JSON (as MLflow's UI does). */
    static JsonNode attribute(JsonNode span, String key) {
        JsonNode raw = span.path("attributes").get(key);
        if (raw == null) return MissingNode.getInstance();
        try {
            return JSON.readTree(raw.asString());
        } catch (JacksonException notJson) {
            return raw;
        }
    }

    static String spanType(JsonNode span) {
        JsonNode t = attribute(span, "mlflow.spanType");
        if (t.isMissingNode()) return span.path("attributes").path("openinference.span.kind").asString();
        return t.asString();
    }

    /** Every string anywhere inside a JSON value. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isString()) out.add(n.asString());
        else if (n.isContainer()) n.values().forEach(c -> collect(c, out));
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** Parses a file by its promised container; fails the test with a clear message if it is not that shape. */
    static List<FoundTrace> read(Path file, Container container) throws IOException {
        List<FoundTrace> out = new ArrayList<>();
        switch (container) {
            case JSONL -> {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) out.add(new FoundTrace(file, i, JSON.readTree(lines.get(i))));
            }
            case SEARCH_ENVELOPE -> {
                JsonNode env = JSON.readTree(file);
                if (!env.has("traces") || !env.has("next_page_token"))
                    throw new AssertionError(file + " is no envelope");
                int i = 0;
                for (JsonNode t : env.get("traces")) out.add(new FoundTrace(file, i++, t));
            }
            case ARRAY -> {
                JsonNode arr = JSON.readTree(file);
                if (!arr.isArray()) throw new AssertionError(file + " is no JSON array");
                int i = 0;
                for (JsonNode t : arr) out.add(new FoundTrace(file, i++, t));
            }
            case SINGLE -> {
                JsonNode t = JSON.readTree(file);
                if (!t.has("info") || !t.has("data")) throw new AssertionError(file + " is no traces-get document");
                out.add(new FoundTrace(file, 0, t));
            }
        }
        return out;
    }

    enum Container {
        SINGLE, SEARCH_ENVELOPE, ARRAY, JSONL
    }

    /** The container a file name promises (names are part of the demo set's contract for readers and humans). */
    static Container containerOf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) return Container.JSONL;
        if (name.contains("traces-search") || name.contains("-page-")) return Container.SEARCH_ENVELOPE;
        if (name.contains("_trace-")) return Container.SINGLE;
        return Container.ARRAY;
    }

    private WrittenExports() {}
}
