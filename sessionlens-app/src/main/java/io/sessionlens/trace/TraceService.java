package io.sessionlens.trace;

import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.persistence.AssessmentRepository;
import io.sessionlens.trace.persistence.SpanRepository;
import io.sessionlens.trace.persistence.TraceEntity;
import io.sessionlens.trace.persistence.TraceMapping;
import io.sessionlens.trace.persistence.TraceRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only queries over stored traces; entities become model records before they leave. */
@Service
@Transactional(readOnly = true)
public class TraceService {
    private final TraceRepository traces;
    private final SpanRepository spans;
    private final AssessmentRepository assessments;

    TraceService(TraceRepository traces, SpanRepository spans, AssessmentRepository assessments) {
        this.traces = traces;
        this.spans = spans;
        this.assessments = assessments;
    }

    public Optional<Trace> find(String traceId) {
        return traces.findById(traceId).map(this::load);
    }

    public List<TurnRow> turns(SessionRef ref) {
        List<TraceEntity> rows = traces
                .findByExperimentIdAndSessionKeyOrderByRequestTimeAscTraceIdAsc(ref.experimentId(), ref.sessionId());
        List<TurnRow> out = new ArrayList<>(rows.size());
        int i = 1;
        for (TraceEntity t : rows) out.add(TraceMapping.toTurnRow(i++, t));
        return out;
    }

    /** Experiments that hold the session key: a session id alone may be ambiguous across experiments. */
    public List<String> experimentsOfSession(String sessionKey) {
        return traces.findBySessionKeyOrderByRequestTimeAscTraceIdAsc(sessionKey).stream()
                .map(TraceEntity::getExperimentId).distinct().toList();
    }

    /** A session as stored: its turn rows and its whole traces, both in request-time order. */
    public record StoredSession(List<TurnRow> turns, List<Trace> traces) {}

    /** The turn rows of several sessions (trace rows only, no spans): what the session index's counts are made of. */
    public java.util.Map<SessionRef, List<TurnRow>> turnsOf(java.util.Collection<SessionRef> refs) {
        java.util.Map<SessionRef, List<TurnRow>> out = new java.util.LinkedHashMap<>();
        traceRows(refs).forEach((ref, list) -> {
            List<TurnRow> turns = new ArrayList<>(list.size());
            int i = 1;
            for (TraceEntity t : list) turns.add(TraceMapping.toTurnRow(i++, t));
            out.put(ref, turns);
        });
        return out;
    }

    /**
     * The turn rows of several sessions, taking a session's rows from {@code justStored} (what the writer inserted, see
     * {@link TracesStored#storedTurns()}) when those are all its stored traces: an index-only count per session tells,
     * and only the sessions whose other traces are stored elsewhere (a session split over two batches or two files) are
     * read back. Sessions whose turns share a request time are read back too, so their order is the database's.
     */
    public java.util.Map<SessionRef, List<TurnRow>> turnsOf(java.util.Collection<SessionRef> refs,
            java.util.Map<SessionRef, List<TurnRow>> justStored) {
        java.util.Map<SessionRef, List<TurnRow>> out = new java.util.LinkedHashMap<>();
        List<SessionRef> readBack = new ArrayList<>();
        java.util.Map<SessionRef, Long> counts = countTraces(
                refs.stream().filter(r -> untied(justStored.get(r))).toList());
        for (SessionRef ref : refs) {
            List<TurnRow> mine = justStored.get(ref);
            if (mine != null && untied(mine) && counts.getOrDefault(ref, 0L) == mine.size()) out.put(ref, mine);
            else
                readBack.add(ref);
        }
        if (!readBack.isEmpty()) out.putAll(turnsOf(readBack));
        return out;
    }

    private static boolean untied(@org.jspecify.annotations.Nullable List<TurnRow> turns) {
        if (turns == null || turns.isEmpty()) return false;
        for (int i = 1; i < turns.size(); i++) {
            if (turns.get(i).requestTime().equals(turns.get(i - 1).requestTime())) return false;
        }
        return true;
    }

    private java.util.Map<SessionRef, Long> countTraces(java.util.Collection<SessionRef> refs) {
        java.util.Map<String, List<String>> keysByExperiment = new java.util.LinkedHashMap<>();
        for (SessionRef r : new java.util.LinkedHashSet<>(refs)) {
            keysByExperiment.computeIfAbsent(r.experimentId(), k -> new ArrayList<>()).add(r.sessionId());
        }
        java.util.Map<SessionRef, Long> out = new java.util.HashMap<>();
        keysByExperiment.forEach((experimentId, keys) -> {
            for (List<String> chunk : chunks(keys)) {
                for (Object[] row : traces.countSessions(experimentId, chunk)) {
                    out.put(new SessionRef(experimentId, (String) row[0]), ((Number) row[1]).longValue());
                }
            }
        });
        return out;
    }

    /** The same turn with another number. */
    static TurnRow numbered(int index, TurnRow t) {
        return new TurnRow(index, t.traceId(), t.requestTime(), t.durationMs(), t.state(), t.spanCount(),
                t.errorSpanCount(), t.userId(), t.requestPreview(), t.responsePreview(), t.totalTokens());
    }

    /**
     * Several sessions at once, in a handful of queries (traces, then their spans and assessments in chunks) rather
     * than two per trace: the session analysis reads sessions in batches.
     */
    public java.util.Map<SessionRef, StoredSession> loadSessions(java.util.Collection<SessionRef> refs) {
        java.util.Map<SessionRef, List<TraceEntity>> rows = traceRows(refs);
        List<Long> pks = rows.values().stream().flatMap(List::stream).map(TraceEntity::getTracePk).toList();
        java.util.Map<Long, List<io.sessionlens.trace.persistence.SpanEntity>> spansOf = new java.util.HashMap<>();
        java.util.Map<Long, List<io.sessionlens.trace.model.Assessment>> assessmentsOf = new java.util.HashMap<>();
        for (List<Long> chunk : chunks(pks)) {
            for (var s : spans.findTraces(chunk)) spansOf.computeIfAbsent(s.tracePk(), k -> new ArrayList<>()).add(s);
            for (var a : assessments.findTraces(chunk)) {
                assessmentsOf.computeIfAbsent(a.tracePk(), k -> new ArrayList<>()).add(TraceMapping.toModel(a));
            }
        }
        java.util.Map<SessionRef, StoredSession> out = new java.util.LinkedHashMap<>();
        rows.forEach((ref, list) -> {
            List<TurnRow> turns = new ArrayList<>(list.size());
            List<Trace> loaded = new ArrayList<>(list.size());
            int i = 1;
            for (TraceEntity t : list) {
                turns.add(TraceMapping.toTurnRow(i++, t));
                loaded.add(TraceMapping.toModel(t, spansOf.getOrDefault(t.getTracePk(), List.of()),
                        assessmentsOf.getOrDefault(t.getTracePk(), List.of())));
            }
            out.put(ref, new StoredSession(turns, loaded));
        });
        return out;
    }

    /** Trace rows per session, per experiment and in chunks of keys, so each query runs on trace_record_session. */
    private java.util.Map<SessionRef, List<TraceEntity>> traceRows(java.util.Collection<SessionRef> refs) {
        java.util.Map<String, List<String>> keysByExperiment = new java.util.LinkedHashMap<>();
        for (SessionRef r : new java.util.LinkedHashSet<>(refs)) {
            keysByExperiment.computeIfAbsent(r.experimentId(), k -> new ArrayList<>()).add(r.sessionId());
        }
        java.util.Map<SessionRef, List<TraceEntity>> rows = new java.util.LinkedHashMap<>();
        keysByExperiment.forEach((experimentId, keys) -> {
            for (List<String> chunk : chunks(keys)) {
                for (TraceEntity t : traces.findSessions(experimentId, chunk)) {
                    rows.computeIfAbsent(new SessionRef(experimentId, t.getSessionKey()), k -> new ArrayList<>())
                            .add(t);
                }
            }
        });
        return rows;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) out.add(all.subList(i, Math.min(all.size(), i + 500)));
        return out;
    }

    private Trace load(TraceEntity e) {
        return TraceMapping.toModel(e, spans.findTrace(e.getTracePk()),
                assessments.findTrace(e.getTracePk()).stream().map(TraceMapping::toModel).toList());
    }
}
