package io.sessionlens.trace.persistence;

import io.sessionlens.trace.json.SharedJson;
import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentError;
import io.sessionlens.trace.model.AssessmentSource;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanEvent;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import io.sessionlens.trace.model.TraceState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Entity ↔ model. Maps and event lists are stored as JSON text so every attribute survives, whatever its key. */
public final class TraceMapping {
    private static final JsonMapper JSON = SharedJson.MAPPER;
    /**
     * Reads back what this class wrote: no size limits, since every value in it passed the import's limit
     * ({@code sessionlens.import.max-string-length}, which may be above Jackson's default of 20 M characters) and a
     * stored trace that cannot be read back would answer 500 on every page that shows it.
     */
    private static final JsonMapper STORED = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
            .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).maxDocumentLength(-1).build())
            .build())
            .build();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<List<StoredEvent>> EVENTS = new TypeReference<>() {};
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(tools.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Events as stored: the model's own field names. */
    record StoredEvent(String name, long timeUnixNano, Map<String, String> attributes) {}

    private TraceMapping() {}

    /** The rows for one trace, plus a content hash that tells an unchanged re-import from an update. */
    public record Rows(TraceEntity trace, List<SpanEntity> spans, List<AssessmentEntity> assessments) {
        /** Gives the trace its numeric key, and its spans and assessments the same. */
        void assignKey(long tracePk) {
            trace.tracePk = tracePk;
            for (SpanEntity s : spans) s.tracePk = tracePk;
            for (AssessmentEntity a : assessments) a.tracePk = tracePk;
        }
    }

    public static Rows toRows(Trace t, Instant importedAt, TraceFacts facts) {
        TraceInfo info = t.info();
        TraceEntity e = new TraceEntity(info.traceId());
        e.experimentId = info.experimentId();
        e.sessionId = info.sessionId().orElse(null);
        e.sessionKey = info.sessionId().orElse(info.traceId());
        e.requestTime = info.requestTime();
        e.durationMs = info.executionDurationMs();
        e.state = info.state().name();
        e.userId = info.user().orElse(null);
        e.traceName = info.tags().get(io.sessionlens.trace.model.MlflowKeys.TRACE_NAME);
        e.clientRequestId = info.clientRequestId();
        e.requestPreview = info.requestPreview();
        e.responsePreview = info.responsePreview();
        e.metadataJson = JSON.writeValueAsString(info.metadata());
        e.tagsJson = JSON.writeValueAsString(info.tags());
        e.spanCount = t.spans().size();
        e.errorSpanCount = facts.errorSpans();
        e.inputTokens = facts.tokens().inputTokens();
        e.outputTokens = facts.tokens().outputTokens();
        e.totalTokens = facts.tokens().totalTokens();
        e.importedAt = importedAt;

        // The hash is over a canonical form (maps by sorted key, assessments as sorted JSON), never over the stored JSON:
        // a map's order may differ between two reads of the same file (SpanEvent's Map.copyOf orders by a per-JVM
        // salt), and an unchanged trace must stay "unchanged" after a restart. Decision record 013.
        MessageDigest digest = sha256();
        update(digest, e.experimentId, e.sessionKey, e.requestTime.toString(), String.valueOf(e.durationMs), e.state,
                e.clientRequestId, e.requestPreview, e.responsePreview);
        update(digest, info.metadata());
        update(digest, info.tags());

        List<SpanEntity> spans = new ArrayList<>(t.spans().size());
        java.util.Set<String> onCycle = io.sessionlens.trace.model.SpanTree.onParentCycles(t.spans());
        int seq = 0;
        for (Span s : t.spans()) {
            SpanEntity se = new SpanEntity();
            se.spanId = s.spanId();
            boolean cycle = onCycle.contains(s.spanId()) && s.parentSpanId() != null;
            se.parentSpanId = cycle ? null : s.parentSpanId();   // a root in the tree, as the import's warning says
            se.cycleParentSpanId = cycle ? s.parentSpanId() : null;
            se.seq = seq++;
            se.name = s.name();
            se.spanType = s.spanType();
            se.startNs = s.startTimeUnixNano();
            se.endNs = s.endTimeUnixNano();
            se.status = s.status().name();
            se.statusMessage = s.statusMessage();
            se.hasError = s.hasError();
            se.attributesJson = JSON.writeValueAsString(s.attributes());
            se.eventsJson = JSON.writeValueAsString(s.events().stream()
                    .map(ev -> new StoredEvent(ev.name(), ev.timeUnixNano(), ev.attributes())).toList());
            update(digest, se.spanId, s.parentSpanId(), se.name, Long.toString(se.startNs), String.valueOf(se.endNs),
                    se.status, se.statusMessage);
            update(digest, s.attributes());
            for (SpanEvent ev : s.events()) {
                update(digest, ev.name(), Long.toString(ev.timeUnixNano()));
                update(digest, ev.attributes());
            }
            update(digest, "end of span");
            spans.add(se);
        }
        List<AssessmentEntity> assessments = new ArrayList<>(info.assessments().size());
        seq = 0;
        for (Assessment a : info.assessments()) {
            AssessmentEntity ae = new AssessmentEntity();
            ae.seq = seq++;
            ae.assessmentId = a.assessmentId();
            ae.name = a.name();
            ae.kind = a.kind().name();
            ae.spanId = a.spanId();
            ae.sourceType = a.source().type();
            ae.sourceId = a.source().id();
            ae.valueJson = a.valueJson();
            ae.errorCode = a.error() == null ? null : a.error().errorCode();
            ae.errorMessage = a.error() == null ? null : a.error().errorMessage();
            ae.errorStack = a.error() == null ? null : a.error().stackTrace();
            ae.serializedFormat = a.serializedValue() == null ? null : a.serializedValue().format();
            ae.serializedValue = a.serializedValue() == null ? null : a.serializedValue().value();
            ae.rationale = a.rationale();
            ae.metadataJson = JSON.writeValueAsString(a.metadata());
            ae.createTime = a.createTime();
            ae.updateTime = a.lastUpdateTime();
            ae.sessionLevel = a.isSessionLevel();
            ae.valid = a.valid();
            ae.overrides = a.overrides();
            ae.rawJson = a.raw();
            update(digest, canonicalJson(ae.rawJson));
            assessments.add(ae);
        }
        e.contentHash = HexFormat.of().formatHex(digest.digest());
        return new Rows(e, spans, assessments);
    }

    public static Trace toModel(TraceEntity e, List<SpanEntity> spans, List<Assessment> assessments) {
        TraceInfo info = new TraceInfo(e.traceId, e.experimentId, e.requestTime, e.durationMs,
                TraceState.parse(e.state),
                e.requestPreview, e.responsePreview, e.clientRequestId, STORED.readValue(e.metadataJson, STRING_MAP),
                STORED.readValue(e.tagsJson, STRING_MAP), assessments);
        return new Trace(info, spans.stream().map(TraceMapping::toModel).toList());
    }

    public static io.sessionlens.trace.TurnRow toTurnRow(int index, TraceEntity t) {
        return new io.sessionlens.trace.TurnRow(index, t.traceId, t.requestTime,
                t.durationMs == null ? 0 : t.durationMs,
                t.state, t.spanCount, t.errorSpanCount, t.userId, t.requestPreview, t.responsePreview, t.totalTokens);
    }

    public static Span toModel(SpanEntity s) {
        List<SpanEvent> events = STORED.readValue(s.eventsJson, EVENTS).stream()
                .map(ev -> new SpanEvent(ev.name(), ev.timeUnixNano(), ev.attributes())).toList();
        return new Span(s.spanId, s.cycleParentSpanId != null ? s.cycleParentSpanId : s.parentSpanId, s.name, s.startNs,
                s.endNs, SpanStatus.valueOf(s.status),
                s.statusMessage == null ? "" : s.statusMessage, STORED.readValue(s.attributesJson, STRING_MAP), events);
    }

    public static Assessment toModel(AssessmentEntity a) {
        return new Assessment(a.assessmentId, a.name, Assessment.Kind.valueOf(a.kind), a.spanId,
                AssessmentSource.of(a.sourceType, a.sourceId), a.createTime, a.updateTime, a.valueJson,
                a.serializedFormat == null
                        ? null
                        : new Assessment.SerializedValue(a.serializedFormat,
                                a.serializedValue == null ? "" : a.serializedValue),
                a.errorCode == null && a.errorMessage == null && a.errorStack == null
                        ? null
                        : new AssessmentError(a.errorCode, a.errorMessage, a.errorStack),
                a.rationale, STORED.readValue(a.metadataJson, STRING_MAP), a.overrides, a.valid, a.rawJson);
    }

    /** A map by sorted key, closed by a marker so two maps never read as one. */
    private static void update(MessageDigest d, Map<String, String> map) {
        for (String key : new java.util.TreeSet<>(map.keySet())) update(d, key, map.get(key));
        d.update((byte) 0x1e);
    }

    /** JSON text with its object keys sorted and its numbers as Jackson writes them; text that is not JSON as it is. */
    static String canonicalJson(String json) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.readTree(json));
        } catch (tools.jackson.core.JacksonException notJson) {
            return json;
        }
    }

    private static void update(MessageDigest d, @Nullable String... parts) {
        for (String p : parts) {
            d.update(p == null ? new byte[]{0} : p.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0x1f);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Derived numbers stored with the trace for the session index. */
    public record TraceFacts(int errorSpans, io.sessionlens.trace.model.TokenUsage tokens) {}
}
