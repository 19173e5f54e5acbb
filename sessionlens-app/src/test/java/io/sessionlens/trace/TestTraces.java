package io.sessionlens.trace;

import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanEvent;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import io.sessionlens.trace.model.TraceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Hand-built traces for tests and benchmarks (the importer and the demo generator live elsewhere). Attribute values are
 * stored the way MLflow ≥3.6 writes them: JSON text.
 */
public final class TestTraces {
    /** 1 s after the epoch of the test traces, in nanoseconds. */
    public static final long T0 = 1_764_000_000_000_000_000L;
    public static final String STACK_TRACE = """
            Traceback (most recent call last):
              File "/app/agent/tools.py", line 42, in call_weather_api
                response = client.get(url, timeout=2.0)
              File "/usr/lib/python3.12/site-packages/httpx/_client.py", line 1054, in get
                raise TimeoutException("read timed out")
            httpx.ReadTimeout: read timed out""";

    private TestTraces() {}

    public static TraceInfo info(String traceId, String experimentId, @Nullable String sessionId, Instant requestTime,
            TraceState state) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (sessionId != null) metadata.put(MlflowKeys.SESSION, sessionId);
        return new TraceInfo(traceId, experimentId, requestTime, 1500L, state, "request", "response", null, metadata,
                Map.of(MlflowKeys.TRACE_NAME, "agent"), List.of());
    }

    public static Span span(String id, @Nullable String parent, String name, String type, long startNs, long endNs) {
        return span(id, parent, name, type, startNs, endNs, Map.of());
    }

    public static Span span(String id, @Nullable String parent, String name, String type, long startNs, long endNs,
            Map<String, String> attributes) {
        Map<String, String> attrs = new LinkedHashMap<>(attributes);
        attrs.put(MlflowKeys.SPAN_TYPE, "\"" + type + "\"");
        return new Span(id, parent, name, startNs, endNs, SpanStatus.OK, "", attrs, List.of());
    }

    public static Span failed(Span s, String type, String message) {
        var event = new SpanEvent(MlflowKeys.EXCEPTION_EVENT, s.endTimeUnixNano() == null ? s.startTimeUnixNano() : s.endTimeUnixNano(),
                Map.of(MlflowKeys.EXCEPTION_TYPE, type, MlflowKeys.EXCEPTION_MESSAGE, message,
                        MlflowKeys.EXCEPTION_STACKTRACE, STACK_TRACE));
        return new Span(s.spanId(), s.parentSpanId(), s.name(), s.startTimeUnixNano(), s.endTimeUnixNano(), SpanStatus.ERROR,
                type + ": " + message, s.attributes(), List.of(event));
    }

    public static String id(long n) {
        return String.format("%016x", n);
    }

    /**
     * An agent run: one AGENT root, then {@code steps} CHAIN steps in start order; each step holds a chat model call, a
     * retriever with two child lookups, and a tool call. The tool call of each step in {@code failingSteps} fails with
     * a timeout. Spans: 1 + 6 × steps.
     */
    public static Trace agentRun(String traceId, String experimentId, @Nullable String sessionId, Instant requestTime,
            int steps, Set<Integer> failingSteps) {
        List<Span> spans = new ArrayList<>(1 + steps * 6);
        String root = id(1);
        long stepNs = 10_000_000L;   // 10 ms per step
        spans.add(span(root, null, "agent", "AGENT", T0, T0 + steps * stepNs,
                Map.of(MlflowKeys.SPAN_INPUTS, "{\"question\":\"What is the weather in Oslo?\"}",
                        MlflowKeys.SPAN_OUTPUTS, "\"It is raining in Oslo.\"")));
        long n = 2;
        for (int i = 0; i < steps; i++) {
            long s = T0 + i * stepNs;
            String step = id(n++);
            spans.add(span(step, root, "step " + (i + 1), "CHAIN", s, s + stepNs - 1_000));
            spans.add(span(id(n++), step, "chat_model", "CHAT_MODEL", s + 100_000, s + 4_000_000, Map.of(
                    MlflowKeys.SPAN_INPUTS, "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a weather bot.\"},"
                            + "{\"role\":\"user\",\"content\":\"What is the weather in Oslo? (step " + (i + 1) + ")\"}]}",
                    MlflowKeys.SPAN_OUTPUTS, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                            + "\"content\":\"Let me look that up.\"}}]}",
                    MlflowKeys.LLM_MODEL, "\"gpt-4o-mini\"")));
            String retriever = id(n++);
            spans.add(span(retriever, step, "retrieve_docs", "RETRIEVER", s + 4_100_000, s + 6_000_000,
                    Map.of(MlflowKeys.SPAN_INPUTS, "\"weather Oslo\"")));
            spans.add(span(id(n++), retriever, "embed_query", "EMBEDDING", s + 4_200_000, s + 4_800_000));
            spans.add(span(id(n++), retriever, "vector_search", "RETRIEVER", s + 4_900_000, s + 5_900_000));
            Span tool = span(id(n++), step, "get_weather", "TOOL", s + 6_100_000, s + 9_000_000,
                    Map.of(MlflowKeys.SPAN_INPUTS, "{\"city\":\"Oslo\",\"units\":\"metric\"}"));
            spans.add(failingSteps.contains(i) ? failed(tool, "httpx.ReadTimeout", "read timed out") : tool);
        }
        return new Trace(info(traceId, experimentId, sessionId, requestTime,
                failingSteps.isEmpty() ? TraceState.OK : TraceState.ERROR), spans);
    }
}
