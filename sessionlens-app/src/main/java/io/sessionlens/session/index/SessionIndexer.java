package io.sessionlens.session.index;

import io.sessionlens.importer.ImportFinished;
import io.sessionlens.session.SessionsQueued;
import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TracesStored;
import io.sessionlens.trace.TurnRow;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first step of keeping the index current: right after each committed batch of traces, the touched sessions'
 * counts, times, state, tokens and preview texts are rewritten from the trace rows alone (no spans), so the sessions
 * are listed and searchable when the import answers; they are then marked as waiting for analysis and
 * {@link SessionsQueued} is published. Decision records 005 and 008.
 */
@Component
class SessionIndexer {
    private static final Logger log = LoggerFactory.getLogger(SessionIndexer.class);
    private static final int WRITE_ATTEMPTS = 5;
    private static final int CLEAR_CHUNK = 500;

    private final TraceService traces;
    private final SessionIndexRepository index;
    private final IndexRows rows;
    private final TransactionTemplate newTransaction;
    private final ApplicationEventPublisher events;

    SessionIndexer(TraceService traces, SessionIndexRepository index, IndexRows rows,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.traces = traces;
        this.index = index;
        this.rows = rows;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
    }

    /** A session the background analysis writes at the same moment wins the row; the counts are then written again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onTracesStored(TracesStored event) {
        for (int attempt = 1;; attempt++) {
            try {
                newTransaction.executeWithoutResult(
                        tx -> indexCounts(event.sessions(), event.storedTurns(), event.partOfImport()));
                break;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == WRITE_ATTEMPTS) throw e;
            }
        }
        events.publishEvent(new SessionsQueued(event.sessions().size()));
    }

    /**
     * The import has finished with these sessions: an earlier interrupted import's mark goes (a retry of the same file
     * completes what the interrupted one left). A failure here is logged, never the import's: its traces are stored.
     */
    @EventListener
    void onImportFinished(ImportFinished event) {
        try {
            indexMissing(event.sessions());
        } catch (RuntimeException e) {
            log.warn("could not index the sessions of the import that had no row", e);
        }
        try {
            setImportState(event.sessions(), null);
        } catch (RuntimeException e) {
            log.warn("could not clear the import mark of {} sessions", event.sessions().size(), e);
        }
    }

    /**
     * Sessions the import stored a trace of that have no row: a stop between the commit of their traces and that of
     * their row left them so (the row is written after the traces' commit), and importing the file again finds every
     * trace unchanged. Indexed here, so importing the export again is how such a session comes back.
     */
    private void indexMissing(Collection<SessionRef> sessions) {
        List<SessionRef> all = List.copyOf(sessions);
        List<SessionRef> missing = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += CLEAR_CHUNK) {
            List<SessionRef> chunk = all.subList(from, Math.min(all.size(), from + CLEAR_CHUNK));
            Map<SessionRef, SessionIndexEntity> stored = index.findAllByRef(chunk);
            for (SessionRef ref : chunk) if (!stored.containsKey(ref)) missing.add(ref);
        }
        if (missing.isEmpty()) return;
        log.info("{} sessions of the import had stored traces but no row (a stop before they were indexed): indexed",
                missing.size());
        newTransaction.executeWithoutResult(tx -> indexCounts(missing, Map.of(), false));
        events.publishEvent(new SessionsQueued(missing.size()));
    }

    /** In chunks per experiment, each its own transaction (a bulk update: no version check against the analysis). */
    private void setImportState(Collection<SessionRef> refs, SessionIndexEntity.@Nullable ImportState state) {
        Map<String, List<String>> byExperiment = refs.stream().collect(Collectors.groupingBy(SessionRef::experimentId,
                Collectors.mapping(SessionRef::sessionId, Collectors.toList())));
        byExperiment.forEach((experiment, keys) -> {
            for (int from = 0; from < keys.size(); from += CLEAR_CHUNK) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CLEAR_CHUNK));
                newTransaction.executeWithoutResult(tx -> index.setImportState(state, experiment, chunk));
            }
        });
    }

    /**
     * Counts, times and previews from the trace rows: those the writer just stored when they are the whole session (no
     * read back), else read; the analysis fields are left for the analysis to redo. */
    private void indexCounts(Collection<SessionRef> refs, Map<SessionRef, List<TurnRow>> storedTurns,
            boolean importing) {
        Map<SessionRef, List<TurnRow>> turnsOf = traces.turnsOf(refs, storedTurns);
        Map<SessionRef, SessionIndexEntity> stored = index.findAllByRef(refs);
        for (SessionRef ref : refs) {
            List<TurnRow> turns = turnsOf.getOrDefault(ref, List.of());
            SessionIndexEntity e = rows.withCounts(ref, stored, turns);
            if (e == null) continue;
            if (e.getAnalysisJson() == null) IndexRows.writePreviews(e, turns);   // until the analysis has the texts
            e.markWaiting();
            index.save(e);
        }
        if (importing) {   // in the same transaction as the counts: stored traces and their mark commit together
            Map<String, List<String>> byExperiment = refs.stream().collect(Collectors.groupingBy(
                    SessionRef::experimentId, Collectors.mapping(SessionRef::sessionId, Collectors.toList())));
            byExperiment.forEach((experiment, keys) -> index.setImportState(
                    SessionIndexEntity.ImportState.IMPORTING, experiment, keys));
        }
    }
}
