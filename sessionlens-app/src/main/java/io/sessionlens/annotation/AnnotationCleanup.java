package io.sessionlens.annotation;

import io.sessionlens.annotation.persistence.AnnotationRepository;
import io.sessionlens.session.SessionAnnotationCounts;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TracesStored;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A session that no longer has traces (deleted, by hand, by the retention or with its import) takes its annotations
 * and their history with it; the audit log already records the deletion.
 */
@Component
class AnnotationCleanup {
    private final AnnotationRepository annotations;
    private final TraceService traces;
    private final SessionAnnotationCounts counts;

    AnnotationCleanup(AnnotationRepository annotations, TraceService traces, SessionAnnotationCounts counts) {
        this.annotations = annotations;
        this.traces = traces;
        this.counts = counts;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void tracesChanged(TracesStored e) {
        for (SessionRef ref : e.sessions()) {
            // a session the batch just stored traces in still has traces: no query (an import touches thousands)
            if (!e.storedTurns().getOrDefault(ref, java.util.List.of()).isEmpty()) continue;
            if (annotations.countByExperimentIdAndSessionKey(ref.experimentId(), ref.sessionId()) == 0) continue;
            if (!traces.turns(ref).isEmpty()) continue;
            annotations.deleteHistoryOfSession(ref.experimentId(), ref.sessionId());
            annotations.deleteSession(ref.experimentId(), ref.sessionId());
            counts.set(ref, 0);
        }
    }
}
