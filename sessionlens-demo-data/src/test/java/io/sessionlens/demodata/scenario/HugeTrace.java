package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.trace.DemoEvent;
import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.DemoTrace;
import io.sessionlens.demodata.trace.DemoTraceState;
import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.ProtoTime;
import io.sessionlens.demodata.trace.PyJson;
import io.sessionlens.demodata.trace.SpanStatusCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One research-agent trace with any number of spans, computed from each span's index so it is produced while it is
 * written and memory stays flat. Spans come in blocks of ten: a step, its plan, a search, and an analysis subtree
 * five levels below the root; groups of fifty steps hang under a group step. Three deep {@code run_python} tool
 * spans fail (at 30%, 60% and 90% of the trace); the agent recovers, so the trace state is OK.
 */
public final class HugeTrace {
    private static final Pattern TR_ID = Pattern.compile("tr-[0-9a-f]{32}");
    private static final int BLOCK = 10;
    private static final int GROUP = 50;
    private static final long STEP_NANOS = 1_000_000L;
    private static final String[] NAMES = {"agent_step", "plan", "web_search", "analyse_results", "vector_search",
            "summarise_sources", "fetch_document", "extract_tables", "run_python", "reflect"};
    private static final String[] TYPES = {"CHAIN", "CHAT_MODEL", "TOOL", "CHAIN", "RETRIEVER", "CHAIN", "TOOL",
            "PARSER", "TOOL", "CHAT_MODEL"};
    /** Parent of each block position: -1 is the block's step, else a position in the same block. */
    private static final int[] PARENT_POS = {-2, 0, 0, 0, 3, 3, 5, 5, 7, 0};

    private final String traceId;
    private final String otelHex;
    private final long spanIdSalt;
    private final int spans;
    private final long startNanos;
    private final int[] failingBlocks;

    private HugeTrace(String traceId, int spans, Instant baseTime, long seed) {
        this.traceId = traceId;
        this.otelHex = TR_ID.matcher(traceId).matches() ? traceId.substring(3) : sha256Hex(traceId).substring(0, 32);
        this.spanIdSalt = seed * 0x9E3779B97F4A7C15L;
        this.spans = Math.max(1, spans);
        this.startNanos = ProtoTime.epochNanos(baseTime.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        int fullBlocks = (this.spans - 1) / BLOCK;
        this.failingBlocks = fullBlocks < 3
                ? new int[0]
                : new int[]{fullBlocks * 3 / 10, fullBlocks * 6 / 10, fullBlocks * 9 / 10};
    }

    /** {@code spans} below 1 is read as 1 (the root alone). */
    public static DemoTrace of(String traceId, int spans, Instant baseTime, long seed) {
        return new HugeTrace(traceId, spans, baseTime, seed).trace();
    }

    private DemoTrace trace() {
        long endNanos = end(spans - 1) + 1_500_000L;
        long llmCalls = llmSpanCount();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("mlflow.trace_schema.version", "3");
        metadata.put("mlflow.traceInputs", PyJson.dumps(rootInputs()));
        metadata.put("mlflow.traceOutputs", PyJson.dumps(rootOutputs()));
        metadata.put("mlflow.source.name", "agents/research/run.py");
        metadata.put("mlflow.source.type", "LOCAL");
        metadata.put("mlflow.user", "svc-research-agent");
        Map<String, Long> usage = new LinkedHashMap<>();
        usage.put("input_tokens", llmCalls * 120);
        usage.put("output_tokens", llmCalls * 30);
        usage.put("total_tokens", llmCalls * 150);
        metadata.put("mlflow.trace.tokenUsage", PyJson.dumps(usage));
        metadata.put("mlflow.trace.infoFinalized", "true");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mlflow.traceName", "research_agent");
        tags.put("mlflow.artifactLocation", "mlflow-artifacts:/4/traces/" + traceId + "/artifacts");
        tags.put("mlflow.trace.spansLocation", "TRACKING_STORE");
        Iterable<DemoSpan> lazySpans = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < spans;
            }

            @Override
            public DemoSpan next() {
                if (next >= spans) throw new NoSuchElementException();
                return span(next++);
            }
        };
        return new DemoTrace(traceId, otelHex, "4", Instant.ofEpochSecond(0, startNanos),
                (endNanos - startNanos) / 1_000_000L,
                DemoTraceState.OK, PyJson.dumps(rootInputs()), PyJson.dumps(rootOutputs()), metadata, tags, List.of(),
                lazySpans);
    }

    private DemoSpan span(int i) {
        if (i == 0) {
            return new DemoSpan(spanId(0), null, "research_agent", "AGENT", startNanos, end(spans - 1) + 1_500_000L,
                    SpanStatusCode.OK, "", rootInputs(), rootOutputs(), Map.of(), List.of());
        }
        int block = (i - 1) / BLOCK;
        int pos = (i - 1) % BLOCK;
        long start = start(i);
        long end = end(i);
        boolean fails = pos == 8 && isFailingBlock(block);
        ObjectNode in = Json.obj();
        in.put("step", block);
        JsonNode out;
        Map<String, JsonNode> attrs = new LinkedHashMap<>();
        switch (TYPES[pos]) {
            case "CHAT_MODEL" -> {
                in.put("prompt", NAMES[pos] + " for step " + block);
                out = Json.str("Step " + block + ": continue with the next report section.");
                ObjectNode usage = Json.obj();
                usage.put("input_tokens", 120);
                usage.put("output_tokens", 30);
                usage.put("total_tokens", 150);
                attrs.put("mlflow.chat.tokenUsage", usage);
            }
            case "RETRIEVER" -> {
                in.put("query", "section " + block);
                ObjectNode doc = Json.obj();
                doc.put("page_content", "Excerpt for section " + block);
                doc.set("metadata", Json.obj().put("doc_uri", "s3://reports/2024/section-" + block + ".pdf"));
                out = Json.arr().add(doc);
            }
            default -> out = fails ? null : Json.str("ok: " + NAMES[pos] + " " + block);
        }
        List<DemoEvent> events = fails
                ? List.of(DemoEvent.exception(end, "TimeoutError", "run_python exceeded 30 s in step " + block,
                        "Traceback (most recent call last):\n  File \"/app/agents/research/sandbox.py\", line 73, in run\n"
                                + "    result = future.result(timeout=30)\n"
                                + "  File \"/usr/local/lib/python3.12/concurrent/futures/_base.py\", line 458, in result\n"
                                + "    raise TimeoutError()\nTimeoutError: run_python exceeded 30 s in step " + block))
                : List.of();
        return new DemoSpan(spanId(i), spanId(parent(i)), NAMES[pos], TYPES[pos], start, end,
                fails ? SpanStatusCode.ERROR : SpanStatusCode.OK,
                fails ? "TimeoutError: run_python exceeded 30 s in step " + block : "", in, out, attrs, events);
    }

    private int parent(int i) {
        int block = (i - 1) / BLOCK;
        int pos = (i - 1) % BLOCK;
        if (pos == 0) return block % GROUP == 0 ? 0 : index(block - block % GROUP, 0);
        int p = PARENT_POS[pos];
        return index(block, p);
    }

    private static int index(int block, int pos) {
        return 1 + block * BLOCK + pos;
    }

    private long start(int i) {
        return startNanos + i * STEP_NANOS + 20_000L;
    }

    /** A span ends just after the last span it covers starts; leaves last 0.7 ms. */
    private long end(int i) {
        if (i == 0) return start(spans - 1) + 1_000_000L;
        int block = (i - 1) / BLOCK;
        int pos = (i - 1) % BLOCK;
        int lastCovered = switch (pos) {
            case 0 -> block % GROUP == 0 ? index(block + GROUP - 1, BLOCK - 1) : index(block, BLOCK - 1);
            case 3 -> index(block, 8);
            case 5 -> index(block, 8);
            case 7 -> index(block, 8);
            default -> i;
        };
        return start(Math.min(lastCovered, spans - 1)) + 700_000L + (lastCovered == i ? 0 : 200_000L);
    }

    private boolean isFailingBlock(int block) {
        for (int b : failingBlocks) if (b == block) return true;
        return false;
    }

    private long llmSpanCount() {
        long count = 0;
        for (int pos = 0; pos < BLOCK; pos++) {
            if (!TYPES[pos].equals("CHAT_MODEL")) continue;
            // Spans at this position exist for every block whose index fits.
            long first = index(0, pos);
            if (first < spans) count += (spans - 1 - first) / BLOCK + 1;
        }
        return count;
    }

    /** Unique per index: a bijective 64-bit mix of the index, salted by the seed. */
    private String spanId(int i) {
        long z = (i + 1L) ^ spanIdSalt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return HexFormat.of().toHexDigits(z);
    }

    private static JsonNode rootInputs() {
        ObjectNode in = Json.obj();
        in.put("task", "Compare the 2024 annual reports of the five largest European banks.");
        return in;
    }

    private static JsonNode rootOutputs() {
        ObjectNode out = Json.obj();
        out.put("summary", "Summary of the 2024 annual reports is ready.");
        return out;
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is always available", impossible);
        }
    }
}
