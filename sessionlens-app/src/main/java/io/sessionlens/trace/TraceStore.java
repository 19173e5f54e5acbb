package io.sessionlens.trace;

import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.persistence.StoredLengths;
import io.sessionlens.trace.persistence.TraceMapping;
import io.sessionlens.trace.persistence.TraceRepository;
import io.sessionlens.trace.persistence.TraceRowWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes traces. One call stores a batch in one transaction: the importer hands over bounded batches, so a bad file
 * later on never rolls back what was already stored, and memory stays flat.
 */
@Service
public class TraceStore {
    private static final Logger log = LoggerFactory.getLogger(TraceStore.class);
    /** Trace ids per delete statement: well below any database's parameter limit. */
    private static final int DELETE_CHUNK = 500;
    private final TraceRepository traces;
    private final TraceRowWriter writer;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    TraceStore(TraceRepository traces, TraceRowWriter writer, Clock clock, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.traces = traces;
        this.writer = writer;
        this.clock = clock;
    }

    /** Outcome per trace id, plus every session touched (also the old session of a trace that moved). */
    public record BatchResult(Map<String, StoreOutcome> outcomes, Set<SessionRef> touchedSessions,
            List<Rejected> failed) {}

    /**
     * A batch mapped to rows, with each trace's content hash: pure work with no database, so the importer does it on
     * its reading thread while the writer thread stores the batch before. Traces whose values do not fit their columns
     * are left out and listed in {@link #rejected()}, before the database sees them.
     */
    public static final class PreparedBatch {
        private final List<TraceMapping.Rows> rows;
        private final List<Rejected> rejected;

        private PreparedBatch(List<TraceMapping.Rows> rows, List<Rejected> rejected) {
            this.rows = rows;
            this.rejected = rejected;
        }

        /** Traces to be stored. */
        public int size() {
            return rows.size();
        }

        public List<Rejected> rejected() {
            return rejected;
        }
    }

    /** A trace that was not stored: its id (abbreviated when it is itself too long) and why, in a user's words. */
    public record Rejected(String traceRef, String message) {}

    public PreparedBatch prepare(List<Trace> batch) {
        Map<String, Trace> byId = new LinkedHashMap<>();
        for (Trace t : batch) byId.put(t.traceId(), t);   // the same trace twice in one batch: the last one wins
        var now = clock.instant();
        List<TraceMapping.Rows> rows = new ArrayList<>(byId.size());
        List<Rejected> rejected = new ArrayList<>();
        for (Trace t : byId.values()) {
            TraceMapping.Rows r = TraceMapping.toRows(t, now, TraceFactsCalculator.of(t));
            StoredLengths.check(r).ifPresentOrElse(
                    why -> rejected.add(new Rejected(StoredLengths.abbreviate(t.traceId()), why)), () -> rows.add(r));
        }
        return new PreparedBatch(rows, rejected);
    }

    @Transactional
    public BatchResult store(List<Trace> batch) {
        return write(prepare(batch).rows, false);
    }

    @Transactional
    public BatchResult store(PreparedBatch batch) {
        return write(batch.rows, false);
    }

    /**
     * Stores the batch in one transaction; if the database refuses it anyway (a constraint {@link StoredLengths} does
     * not know), stores its traces one transaction each, so only the trace the database refuses is lost. The answer
     * names that trace; the database's own message (SQL, table names) goes to the log only. This is the import's way in:
     * its {@link TracesStored} say so, and the import's end is announced by the importer.
     */
    public BatchResult storeIsolating(PreparedBatch batch) {
        try {
            return Objects.requireNonNull(tx.execute(status -> write(batch.rows, true)));
        } catch (RuntimeException batchFailed) {
            log.warn("a batch of {} traces could not be stored together; storing them one by one", batch.rows.size(),
                    batchFailed);
        }
        Map<String, StoreOutcome> outcomes = new LinkedHashMap<>();
        Set<SessionRef> touched = new LinkedHashSet<>();
        List<Rejected> failed = new ArrayList<>();
        for (TraceMapping.Rows r : batch.rows) {
            try {
                BatchResult one = Objects.requireNonNull(tx.execute(status -> write(List.of(r), true)));
                outcomes.putAll(one.outcomes());
                touched.addAll(one.touchedSessions());
            } catch (RuntimeException e) {
                log.error("trace {} could not be stored", r.trace().getTraceId(), e);
                failed.add(new Rejected(StoredLengths.abbreviate(r.trace().getTraceId()),
                        "the database refused to store this trace; nothing of it was stored (the server log has the details)"));
            }
        }
        return new BatchResult(outcomes, touched, failed);
    }

    private BatchResult write(List<TraceMapping.Rows> batch, boolean partOfImport) {
        Map<String, TraceRepository.KnownTrace> known = traces
                .findKnown(batch.stream().map(r -> r.trace().getTraceId()).toList())
                .stream().collect(Collectors.toMap(TraceRepository.KnownTrace::getTraceId, Function.identity()));
        Map<String, StoreOutcome> outcomes = new LinkedHashMap<>();
        Set<SessionRef> touched = new LinkedHashSet<>();
        List<TraceMapping.Rows> inserts = new ArrayList<>(batch.size());
        List<String> replaced = new ArrayList<>();
        for (TraceMapping.Rows rows : batch) {
            String traceId = rows.trace().getTraceId();
            TraceRepository.KnownTrace old = known.get(traceId);
            if (old != null && old.getContentHash().equals(rows.trace().getContentHash())) {
                outcomes.put(traceId, StoreOutcome.UNCHANGED);
                continue;
            }
            if (old != null) {   // changed (new assessments, say): replaced whole, its old session re-indexed too
                replaced.add(traceId);
                touched.add(new SessionRef(old.getExperimentId(), old.getSessionKey()));
                outcomes.put(traceId, StoreOutcome.UPDATED);
            } else {
                outcomes.put(traceId, StoreOutcome.IMPORTED);
            }
            touched.add(new SessionRef(rows.trace().getExperimentId(), rows.trace().getSessionKey()));
            inserts.add(rows);
        }
        writer.delete(replaced);
        writer.insert(inserts);
        if (!touched.isEmpty())
            events.publishEvent(new TracesStored(Set.copyOf(touched), partOfImport, turnsBySession(inserts)));
        return new BatchResult(outcomes, touched, List.of());
    }

    /** The inserted traces as turn rows per session, each session in the order the session index reads them. */
    private static Map<SessionRef, List<TurnRow>> turnsBySession(List<TraceMapping.Rows> inserts) {
        Map<SessionRef, List<TurnRow>> out = new LinkedHashMap<>();
        for (TraceMapping.Rows r : inserts) {
            out.computeIfAbsent(new SessionRef(r.trace().getExperimentId(), r.trace().getSessionKey()),
                    k -> new ArrayList<>()).add(TraceMapping.toTurnRow(0, r.trace()));
        }
        out.replaceAll((ref, turns) -> {
            turns.sort(TURN_ORDER);
            List<TurnRow> numbered = new ArrayList<>(turns.size());
            for (TurnRow t : turns) numbered.add(TraceService.numbered(numbered.size() + 1, t));
            return List.copyOf(numbered);
        });
        return out;
    }

    private static final java.util.Comparator<TurnRow> TURN_ORDER = java.util.Comparator
            .comparing(TurnRow::requestTime).thenComparing(TurnRow::traceId);

    /** What a deletion removed: how many traces, and the sessions they belonged to (re-indexed after the commit). */
    public record Deleted(int traces, Set<SessionRef> sessions) {}

    /**
     * Deletes these traces with their spans and assessments; ids that are not stored are skipped. The sessions they
     * belonged to are re-indexed once the deletion commits ({@link TracesStored}): a session left without traces leaves
     * the index, one that lost some turns is counted and analysed again.
     */
    @Transactional
    public Deleted delete(Collection<String> traceIds) {
        Set<SessionRef> touched = new LinkedHashSet<>();
        int deleted = 0;
        List<String> ids = List.copyOf(new LinkedHashSet<>(traceIds));
        for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
            List<TraceRepository.KnownTrace> known = traces.findKnown(chunk);
            for (TraceRepository.KnownTrace k : known)
                touched.add(new SessionRef(k.getExperimentId(), k.getSessionKey()));
            writer.delete(known.stream().map(TraceRepository.KnownTrace::getTraceId).toList());
            deleted += known.size();
        }
        if (!touched.isEmpty()) events.publishEvent(new TracesStored(Set.copyOf(touched), false));
        return new Deleted(deleted, touched);
    }

    /** Deletes every trace of one session; see {@link #delete(Collection)}. */
    @Transactional
    public Deleted deleteSession(SessionRef ref) {
        return delete(traces.findTraceIds(ref.experimentId(), ref.sessionId()));
    }

    /** For tests and the demo loader: is anything stored at all? */
    @Transactional(readOnly = true)
    public boolean isEmpty() { return traces.count() == 0; }
}
