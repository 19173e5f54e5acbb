package io.sessionlens.session.index;

import io.sessionlens.analysis.AnalysisSettings;
import io.sessionlens.analysis.PolarityTable;
import io.sessionlens.analysis.SessionAnalysis;
import io.sessionlens.analysis.SessionAnalyzer;
import io.sessionlens.session.ExperimentSettings;
import io.sessionlens.session.ExperimentSettingsService;
import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TraceService.StoredSession;
import io.sessionlens.trace.TurnRow;
import io.sessionlens.trace.model.Trace;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses sessions and stores the result, each call in a transaction of its own: for the background worker (a batch
 * at a time) and for a reader that opens a session still waiting. A session an import (or the other caller) wrote
 * meanwhile fails the write through the row's {@code generation}; it then stays waiting and is redone.
 */
@Service
public class SessionAnalysisRunner {
    private static final Logger log = LoggerFactory.getLogger(SessionAnalysisRunner.class);
    private static final int OPEN_ATTEMPTS = 3;

    private final TraceService traces;
    private final SessionIndexRepository index;
    private final IndexRows rows;
    private final ExperimentSettingsService settings;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    SessionAnalysisRunner(TraceService traces, SessionIndexRepository index, IndexRows rows,
            ExperimentSettingsService settings,
            Clock clock, PlatformTransactionManager transactions) {
        this.traces = traces;
        this.index = index;
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Analyses the session now if it still waits, so whoever opens it reads it analysed. Gives up quietly when the worker
     * or an import keeps writing it at the same moment: the reader then reads it as not analysed yet.
     */
    public void analyseIfWaiting(SessionRef ref) {
        for (int attempt = 1; attempt <= OPEN_ATTEMPTS; attempt++) {
            try {
                newTransaction.executeWithoutResult(tx -> {
                    if (index.findByRef(ref).filter(e -> !e.isAnalysed()).isPresent())
                        analyseInTransaction(List.of(ref));
                });
                return;
            } catch (ConcurrencyFailureException writtenMeanwhile) {
                // a new generation of the row was committed meanwhile: look at it again
            }
        }
    }

    /** Sessions waiting for analysis (imported, changed, or analysed by an older analyser), oldest activity first. */
    List<SessionRef> waiting(int limit) {
        return index.findWaiting(SessionAnalyzer.VERSION, Limit.of(limit));
    }

    /**
     * Re-reads the sessions in bulk (a handful of queries, not two per trace), analyses each and stores the result, in
     * one new transaction. Fails with a {@link ConcurrencyFailureException} when another writer changed or holds one of
     * them; that session is then still waiting.
     */
    void analyse(Collection<SessionRef> refs) {
        newTransaction.executeWithoutResult(tx -> analyseInTransaction(refs));
    }

    private void analyseInTransaction(Collection<SessionRef> refs) {
        // The rows (with their generation) before the traces: an import that commits between the two reads then fails
        // this write, instead of this write storing counts from traces read before that import.
        Map<SessionRef, SessionIndexEntity> current = index.findAllByRef(refs);
        Map<SessionRef, StoredSession> stored = traces.loadSessions(refs);
        for (SessionRef ref : refs) {
            StoredSession s = stored.get(ref);
            List<TurnRow> turns = s == null ? List.of() : s.turns();
            SessionIndexEntity e = rows.withCounts(ref, current, turns);
            if (e == null || s == null) continue;
            IndexRows.writeAnalysis(e, turns, analyse(ref, s.traces()));
            e.markAnalysed();
            index.saveAndFlush(e);
        }
    }

    /** Records a session whose analysis keeps failing as analysed without a result, so it is not retried forever. */
    void giveUp(SessionRef ref) {
        newTransaction.executeWithoutResult(tx -> index.findByRef(ref).ifPresent(e -> {
            e.markAnalysed();
            e.setUpdatedAt(clock.instant());
            index.save(e);
        }));
    }

    private @Nullable SessionAnalysis analyse(SessionRef ref, List<Trace> loaded) {
        try {
            return new SessionAnalyzer(settingsFor(ref.experimentId())).analyze(loaded);
        } catch (RuntimeException ex) {
            // The analyzer promises not to throw on odd data; if it does, the session stays searchable without it.
            log.error("analysis of session {} / {} failed", ref.experimentId(), ref.sessionId(), ex);
            return null;
        }
    }

    private AnalysisSettings settingsFor(String experimentId) {
        ExperimentSettings s = settings.get(experimentId);
        PolarityTable polarity = PolarityTable.builtIn();
        for (Map.Entry<String, Set<String>> o : s.failingValues().entrySet())
            polarity = polarity.with(o.getKey(), o.getValue());
        return new AnalysisSettings(s.mappings(), polarity);
    }
}
