package io.sessionlens.support;

import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentError;
import io.sessionlens.trace.model.AssessmentSource;
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
 * Hand-built traces for tests and benchmarks (labelled as such: they are not real exports; real ones are read by
 * {@link Fixtures}). Attribute values are JSON-encoded the way MLflow ≥3.6 writes them, unless a test sets a raw value
 * on purpose. Two ways in: the builders ({@link #turn}, {@link #chatTurn}) for a session's turns, and the span-level
 * helpers ({@link #span}, {@link #agentRun}) for span trees of any size.
 */
public final class TestTraces {
    public static final Instant T0 = Instant.parse("2025-06-01T09:00:00Z");
    public static final String SESSION = "session-1";

    private TestTraces() {}

    /** Trace {@code tr-<n>} of the test session, {@code n} minutes after {@link #T0}, 1.2 s long. */
    public static TraceBuilder turn(int n) {
        return new TraceBuilder("tr-" + n, T0.plusSeconds(60L * n));
    }

    /**
     * A typical RAG chat turn: root CHAIN {@code chat} with {@code {"query": user}} → {@code {"answer": answer}}, an
     * LLM child given the chat history plus the question.
     */
    public static TraceBuilder chatTurn(int n, String user, String answer) {
        TraceBuilder t = turn(n);
        t.span("root" + n, null, "chat", "CHAIN").inputs(Map.of("query", user)).outputs(Map.of("answer", answer));
        return t;
    }

    public static String json(Object value) {
        return Fixtures.JSON.writeValueAsString(value);
    }

    public static Map<String, Object> msg(String role, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }

    public static final class TraceBuilder {
        private final String traceId;
        private Instant requestTime;
        private Long durationMs = 1_200L;
        private TraceState state = TraceState.OK;
        private String requestPreview;
        private String responsePreview;
        private String experimentId = "7";
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final List<Assessment> assessments = new ArrayList<>();
        private final List<SpanBuilder> spans = new ArrayList<>();

        TraceBuilder(String traceId, Instant requestTime) {
            this.traceId = traceId;
            this.requestTime = requestTime;
            metadata.put(MlflowKeys.SESSION, SESSION);
        }

        public TraceBuilder at(Instant t) {
            this.requestTime = t;
            return this;
        }

        public TraceBuilder durationMs(Long ms) {
            this.durationMs = ms;
            return this;
        }

        public TraceBuilder state(TraceState s) {
            this.state = s;
            return this;
        }

        public TraceBuilder previews(String request, String response) {
            this.requestPreview = request;
            this.responsePreview = response;
            return this;
        }

        public TraceBuilder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        public TraceBuilder experiment(String id) {
            this.experimentId = id;
            return this;
        }

        public TraceBuilder assessment(Assessment a) {
            assessments.add(a);
            return this;
        }

        public TraceBuilder assessment(AssessmentBuilder a) {
            return assessment(a.build());
        }

        /** A span; ids are used as written (hex is not needed), {@code parent} null for a root. */
        public SpanBuilder span(String id, String parent, String name, String type) {
            SpanBuilder s = new SpanBuilder(this, id, parent, name, type, spans.size());
            spans.add(s);
            return s;
        }

        public Trace build() {
            List<Span> built = spans.stream().map(SpanBuilder::toSpan).toList();
            return new Trace(new TraceInfo(traceId, experimentId, requestTime, durationMs, state, requestPreview,
                    responsePreview, null, metadata, Map.of(), assessments), built);
        }

        Instant requestTime() {
            return requestTime;
        }
    }

    public static final class SpanBuilder {
        private final TraceBuilder trace;
        private final String id;
        private final String parent;
        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<SpanEvent> events = new ArrayList<>();
        private SpanStatus status = SpanStatus.OK;
        private String statusMessage = "";
        private long startOffsetMs;
        private Long endOffsetMs;

        SpanBuilder(TraceBuilder trace, String id, String parent, String name, String type, int order) {
            this.trace = trace;
            this.id = id;
            this.parent = parent;
            this.name = name;
            this.startOffsetMs = order * 10L; // spans start in the order they are declared
            this.endOffsetMs = 1_000L;
            if (type != null) attributes.put(MlflowKeys.SPAN_TYPE, json(type));
        }

        public SpanBuilder inputs(Object value) {
            attributes.put(MlflowKeys.SPAN_INPUTS, json(value));
            return this;
        }

        public SpanBuilder outputs(Object value) {
            attributes.put(MlflowKeys.SPAN_OUTPUTS, json(value));
            return this;
        }

        public SpanBuilder format(String messageFormat) {
            attributes.put(MlflowKeys.MESSAGE_FORMAT, json(messageFormat));
            return this;
        }

        /** An attribute stored exactly as given (not JSON-encoded). */
        public SpanBuilder raw(String key, String rawValue) {
            attributes.put(key, rawValue);
            return this;
        }

        public SpanBuilder error(String message) {
            status = SpanStatus.ERROR;
            statusMessage = message;
            return this;
        }

        public SpanBuilder exception(String type, String message, String stack) {
            events.add(new SpanEvent(MlflowKeys.EXCEPTION_EVENT, 0, Map.of(MlflowKeys.EXCEPTION_TYPE, type,
                    MlflowKeys.EXCEPTION_MESSAGE, message, MlflowKeys.EXCEPTION_STACKTRACE, stack)));
            status = SpanStatus.ERROR;
            statusMessage = type + ": " + message;
            return this;
        }

        public SpanBuilder startMs(long offset) {
            this.startOffsetMs = offset;
            return this;
        }

        public SpanBuilder unfinished() {
            this.endOffsetMs = null;
            return this;
        }

        /** Back to the trace, to add the next span. */
        public TraceBuilder done() {
            return trace;
        }

        public Trace build() {
            return trace.build();
        }

        Span toSpan() {
            long base = trace.requestTime().toEpochMilli() * 1_000_000L;
            return new Span(id, parent, name, base + startOffsetMs * 1_000_000L,
                    endOffsetMs == null ? null : base + endOffsetMs * 1_000_000L, status, statusMessage, attributes,
                    events);
        }
    }

    public static AssessmentBuilder feedback(String id, String name, Object value) {
        return new AssessmentBuilder(id, name, Assessment.Kind.FEEDBACK, value == null ? null : json(value));
    }

    public static AssessmentBuilder expectation(String id, String name, Object value) {
        return new AssessmentBuilder(id, name, Assessment.Kind.EXPECTATION, json(value));
    }

    public static final class AssessmentBuilder {
        private final String id;
        private final String name;
        private final Assessment.Kind kind;
        private final String valueJson;
        private String rationale;
        private String sourceType = "LLM_JUDGE";
        private String sourceId = "gpt-4o";
        private String spanId;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private String overrides;
        private boolean valid = true;
        private AssessmentError error;
        private Instant updated = T0;

        AssessmentBuilder(String id, String name, Assessment.Kind kind, String valueJson) {
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.valueJson = valueJson;
        }

        public AssessmentBuilder rationale(String r) {
            this.rationale = r;
            return this;
        }

        public AssessmentBuilder source(String type, String id) {
            this.sourceType = type;
            this.sourceId = id;
            return this;
        }

        public AssessmentBuilder span(String spanId) {
            this.spanId = spanId;
            return this;
        }

        public AssessmentBuilder sessionLevel() {
            metadata.put(MlflowKeys.SESSION, SESSION);
            return this;
        }

        public AssessmentBuilder overrides(String otherId) {
            this.overrides = otherId;
            return this;
        }

        public AssessmentBuilder invalid() {
            this.valid = false;
            return this;
        }

        public AssessmentBuilder scorerError(String code, String message) {
            this.error = new AssessmentError(code, message, null);
            return this;
        }

        public AssessmentBuilder updated(Instant t) {
            this.updated = t;
            return this;
        }

        public Assessment build() {
            return new Assessment(id, name, kind, spanId, AssessmentSource.of(sourceType, sourceId), updated, updated,
                    valueJson, null, error, rationale, metadata, overrides, valid, "{}");
        }
    }

    // Span-level helpers: trees of any size, times in nanoseconds.

    /** Start of the span-level test traces ({@link #agentRun}), in epoch nanoseconds (2025-11-24T16:00:00Z). */
    public static final long T0_NANOS = 1_764_000_000_000_000_000L;
    public static final String STACK_TRACE = """
            Traceback (most recent call last):
              File "/app/agent/tools.py", line 42, in call_weather_api
                response = client.get(url, timeout=2.0)
              File "/usr/lib/python3.12/site-packages/httpx/_client.py", line 1054, in get
                raise TimeoutException("read timed out")
            httpx.ReadTimeout: read timed out""";

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
        var event = new SpanEvent(MlflowKeys.EXCEPTION_EVENT,
                s.endTimeUnixNano() == null ? s.startTimeUnixNano() : s.endTimeUnixNano(),
                Map.of(MlflowKeys.EXCEPTION_TYPE, type, MlflowKeys.EXCEPTION_MESSAGE, message,
                        MlflowKeys.EXCEPTION_STACKTRACE, STACK_TRACE));
        return new Span(s.spanId(), s.parentSpanId(), s.name(), s.startTimeUnixNano(), s.endTimeUnixNano(),
                SpanStatus.ERROR,
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
        spans.add(span(root, null, "agent", "AGENT", T0_NANOS, T0_NANOS + steps * stepNs,
                Map.of(MlflowKeys.SPAN_INPUTS, "{\"question\":\"What is the weather in Oslo?\"}",
                        MlflowKeys.SPAN_OUTPUTS, "\"It is raining in Oslo.\"")));
        long n = 2;
        for (int i = 0; i < steps; i++) {
            long s = T0_NANOS + i * stepNs;
            String step = id(n++);
            spans.add(span(step, root, "step " + (i + 1), "CHAIN", s, s + stepNs - 1_000));
            spans.add(span(id(n++), step, "chat_model", "CHAT_MODEL", s + 100_000, s + 4_000_000, Map.of(
                    MlflowKeys.SPAN_INPUTS,
                    "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a weather bot.\"},"
                            + "{\"role\":\"user\",\"content\":\"What is the weather in Oslo? (step " + (i + 1)
                            + ")\"}]}",
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
