package io.sessionlens.analysis.testing;

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

/**
 * Hand-built traces for tests (labelled as such: they are not real exports). Attribute values are JSON-encoded
 * the way MLflow writes them, unless a test sets a raw value on purpose.
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
                    endOffsetMs == null ? null : base + endOffsetMs * 1_000_000L, status, statusMessage, attributes, events);
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
}
