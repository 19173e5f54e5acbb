package io.sessionlens.session;

import io.sessionlens.audit.AuditLog;
import io.sessionlens.session.persistence.HumanVerdictRepository;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes sessions out: one session on request, and every session whose last turn is older than the retention. The
 * traces go with their spans and assessments; the session index is updated when the deletion commits, so the list and
 * its counts never show a deleted session.
 */
@Service
public class SessionCleanup {
    /** Sessions per transaction when the retention deletes many. */
    static final int RETENTION_BATCH = 200;

    private final TraceStore store;
    private final SessionIndexRepository index;
    private final AuditLog audit;
    private final HumanVerdictRepository verdicts;

    SessionCleanup(TraceStore store, SessionIndexRepository index, AuditLog audit, HumanVerdictRepository verdicts) {
        this.verdicts = verdicts;
        this.store = store;
        this.index = index;
        this.audit = audit;
    }

    /** What a deletion removed. */
    public record Deleted(int sessions, int traces) {}

    /** Deletes the session's traces; empty when it has none (no such session). */
    @Transactional
    public Optional<Deleted> delete(SessionRef ref) {
        TraceStore.Deleted d = store.deleteSession(ref);
        if (d.traces() == 0) return Optional.empty();
        verdicts.deleteByRef(ref);   // a session imported again later starts without the old reviewer's verdict
        audit.record(AuditLog.SESSION_DELETED, ref.experimentId() + " / " + ref.sessionId(),
                "deleted session " + ref.sessionId() + " (" + d.traces() + " traces)", null, null);
        return Optional.of(new Deleted(1, d.traces()));
    }

    /** Up to {@link #RETENTION_BATCH} sessions whose last turn is before {@code cutoff}, oldest first. */
    @Transactional(readOnly = true)
    public List<SessionRef> olderThan(Instant cutoff) {
        return index.findLastBefore(cutoff, Limit.of(RETENTION_BATCH));
    }

    /** Deletes these sessions in one transaction. */
    @Transactional
    public Deleted deleteAll(List<SessionRef> refs) {
        int traces = 0;
        for (SessionRef ref : refs) {
            traces += store.deleteSession(ref).traces();
            verdicts.deleteByRef(ref);
        }
        if (!refs.isEmpty())
            audit.record(AuditLog.SESSION_DELETED, refs.size() + " sessions",
                    "retention deleted " + refs.size() + " sessions (" + traces + " traces)", null, null);
        return new Deleted(refs.size(), traces);
    }
}
