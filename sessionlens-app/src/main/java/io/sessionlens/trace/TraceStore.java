package io.sessionlens.trace;

import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.persistence.TraceMapping;
import io.sessionlens.trace.persistence.TraceRepository;
import io.sessionlens.trace.persistence.TraceRowWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes traces. One call stores a batch in one transaction: the importer hands over bounded batches, so a bad file
 * later on never rolls back what was already stored, and memory stays flat.
 */
@Service
public class TraceStore {
    private final TraceRepository traces;
    private final TraceRowWriter writer;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TraceStore(TraceRepository traces, TraceRowWriter writer, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.traces = traces;
        this.writer = writer;
        this.clock = clock;
    }

    /** Outcome per trace id, plus every session touched (also the old session of a trace that moved). */
    public record BatchResult(Map<String, StoreOutcome> outcomes, Set<SessionRef> touchedSessions) {}

    /**
     * A batch mapped to rows, with each trace's content hash: pure work with no database, so the importer does it on
     * its reading thread while the writer thread stores the batch before.
     */
    public static final class PreparedBatch {
        private final List<TraceMapping.Rows> rows;

        private PreparedBatch(List<TraceMapping.Rows> rows) {
            this.rows = rows;
        }

        public int size() {
            return rows.size();
        }
    }

    public PreparedBatch prepare(List<Trace> batch) {
        Map<String, Trace> byId = new LinkedHashMap<>();
        for (Trace t : batch) byId.put(t.traceId(), t);   // the same trace twice in one batch: the last one wins
        var now = clock.instant();
        List<TraceMapping.Rows> rows = new ArrayList<>(byId.size());
        for (Trace t : byId.values()) rows.add(TraceMapping.toRows(t, now, TraceFactsCalculator.of(t)));
        return new PreparedBatch(rows);
    }

    @Transactional
    public BatchResult store(List<Trace> batch) {
        return write(prepare(batch));
    }

    @Transactional
    public BatchResult store(PreparedBatch batch) {
        return write(batch);
    }

    private BatchResult write(PreparedBatch batch) {
        Map<String, TraceRepository.KnownTrace> known = traces.findKnown(batch.rows.stream().map(r -> r.trace().getTraceId()).toList())
                .stream().collect(Collectors.toMap(TraceRepository.KnownTrace::getTraceId, Function.identity()));
        Map<String, StoreOutcome> outcomes = new LinkedHashMap<>();
        Set<SessionRef> touched = new LinkedHashSet<>();
        List<TraceMapping.Rows> inserts = new ArrayList<>(batch.rows.size());
        List<String> replaced = new ArrayList<>();
        for (TraceMapping.Rows rows : batch.rows) {
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
        if (!touched.isEmpty()) events.publishEvent(new TracesStored(Set.copyOf(touched)));
        return new BatchResult(outcomes, touched);
    }

    /** For tests and the demo loader: is anything stored at all? */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return traces.count() == 0;
    }
}
