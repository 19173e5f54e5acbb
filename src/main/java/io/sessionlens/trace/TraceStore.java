package io.sessionlens.trace;

import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.persistence.AssessmentRepository;
import io.sessionlens.trace.persistence.SpanRepository;
import io.sessionlens.trace.persistence.TraceMapping;
import io.sessionlens.trace.persistence.TraceRepository;
import jakarta.persistence.EntityManager;
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
    private final EntityManager em;
    private final TraceRepository traces;
    private final SpanRepository spans;
    private final AssessmentRepository assessments;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TraceStore(EntityManager em, TraceRepository traces, SpanRepository spans, AssessmentRepository assessments, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.em = em;
        this.traces = traces;
        this.spans = spans;
        this.assessments = assessments;
        this.clock = clock;
    }

    /** Outcome per trace id, plus every session touched (also the old session of a trace that moved). */
    public record BatchResult(Map<String, StoreOutcome> outcomes, Set<SessionRef> touchedSessions) {}

    @Transactional
    public BatchResult store(List<Trace> batch) {
        Map<String, Trace> byId = new LinkedHashMap<>();
        for (Trace t : batch) byId.put(t.traceId(), t);   // the same trace twice in one batch: the last one wins
        Map<String, TraceRepository.KnownTrace> known = traces.findKnown(byId.keySet()).stream()
                .collect(Collectors.toMap(TraceRepository.KnownTrace::getTraceId, Function.identity()));
        Map<String, StoreOutcome> outcomes = new LinkedHashMap<>();
        Set<SessionRef> touched = new LinkedHashSet<>();
        var now = clock.instant();
        List<Object> children = new ArrayList<>();
        for (Trace t : byId.values()) {
            TraceMapping.Rows rows = TraceMapping.toRows(t, now, TraceFactsCalculator.of(t));
            TraceRepository.KnownTrace old = known.get(t.traceId());
            if (old != null && old.getContentHash().equals(rows.trace().getContentHash())) {
                outcomes.put(t.traceId(), StoreOutcome.UNCHANGED);
                continue;
            }
            if (old != null) {
                spans.deleteTrace(t.traceId());
                assessments.deleteTrace(t.traceId());
                em.merge(rows.trace());
                touched.add(new SessionRef(old.getExperimentId(), old.getSessionKey()));
                outcomes.put(t.traceId(), StoreOutcome.UPDATED);
            } else {
                em.persist(rows.trace());
                outcomes.put(t.traceId(), StoreOutcome.IMPORTED);
            }
            touched.add(new SessionRef(rows.trace().getExperimentId(), rows.trace().getSessionKey()));
            children.addAll(rows.spans());
            children.addAll(rows.assessments());
        }
        // Trace rows first, then their spans and assessments (foreign keys), in JDBC batches; clearing the persistence
        // context every few thousand rows keeps a 20,000-span batch from piling up in Hibernate's first-level cache.
        flushAndClear();
        int pending = 0;
        for (Object child : children) {
            em.persist(child);
            if (++pending % FLUSH_EVERY == 0) flushAndClear();
        }
        flushAndClear();
        if (!touched.isEmpty()) events.publishEvent(new TracesStored(Set.copyOf(touched)));
        return new BatchResult(outcomes, touched);
    }

    static final int FLUSH_EVERY = 2_000;

    private void flushAndClear() {
        em.flush();
        em.clear();
    }

    /** For tests and the demo loader: is anything stored at all? */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return traces.count() == 0;
    }
}
