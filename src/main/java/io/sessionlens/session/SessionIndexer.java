package io.sessionlens.session;

import io.sessionlens.analysis.AnalysisSettings;
import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.PolarityTable;
import io.sessionlens.analysis.SessionAnalysis;
import io.sessionlens.analysis.SessionAnalyzer;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TracesStored;
import io.sessionlens.trace.TurnRow;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceState;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the session index current in two steps. Right after each committed batch of traces, the touched sessions'
 * counts, times, state, tokens and preview texts are rewritten from the trace rows alone (no spans), so the sessions
 * are listed and searchable when the import answers; they are then marked as waiting for analysis. The analysis
 * (re-reading whole sessions with their spans) runs on {@link SessionAnalysisWorker}'s thread, or at once when a
 * waiting session is opened. Decision record 008 says why.
 */
@Service
class SessionIndexer {
    private static final Logger log = LoggerFactory.getLogger(SessionIndexer.class);
    static final int PREVIEW_CHARS = 500;
    private static final int WRITE_ATTEMPTS = 5;

    private final TraceService traces;
    private final SessionIndexRepository index;
    private final ExperimentSettingsService settings;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final ApplicationEventPublisher events;

    SessionIndexer(TraceService traces, SessionIndexRepository index, ExperimentSettingsService settings, Clock clock,
            PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.traces = traces;
        this.index = index;
        this.settings = settings;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
    }

    /** A session touched by the worker's analysis at the same moment wins the row; the counts are then written again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onTracesStored(TracesStored event) {
        for (int attempt = 1; ; attempt++) {
            try {
                newTransaction.executeWithoutResult(tx -> indexCounts(event.sessions()));
                break;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == WRITE_ATTEMPTS) throw e;
            }
        }
        events.publishEvent(new SessionsQueued(event.sessions().size()));
    }

    /** Published after a batch of sessions was indexed and queued for analysis. */
    record SessionsQueued(int sessions) {}

    /** Counts, times and previews from the trace rows; the analysis fields are left for the analysis to redo. */
    void indexCounts(java.util.Collection<SessionRef> refs) {
        Map<SessionRef, List<TurnRow>> turnsOf = traces.turnsOf(refs);
        Map<SessionRef, SessionIndexEntity> rows = rowsOf(refs);
        for (SessionRef ref : refs) {
            SessionIndexEntity e = rowToWrite(ref, rows, turnsOf.getOrDefault(ref, List.of()));
            if (e == null) continue;
            if (e.analysisJson == null) writePreviews(e, turnsOf.get(ref));   // until the analysis has the texts
            e.analysisVersion = 0;
            index.save(e);
        }
    }

    /** The stored index rows of these sessions, in one query. */
    private Map<SessionRef, SessionIndexEntity> rowsOf(java.util.Collection<SessionRef> refs) {
        Map<SessionRef, SessionIndexEntity> rows = new java.util.HashMap<>();
        for (SessionIndexEntity e : index.findAllById(refs.stream().map(r -> new SessionIndexEntity.Key(r.experimentId(), r.sessionKey())).toList())) {
            rows.put(new SessionRef(e.experimentId, e.sessionKey), e);
        }
        return rows;
    }

    /**
     * The session's row with its counts rewritten (a new row for a new session), or null after deleting the row of a
     * session that has no traces any more (every trace of it moved to another session).
     */
    private @Nullable SessionIndexEntity rowToWrite(SessionRef ref, Map<SessionRef, SessionIndexEntity> rows, List<TurnRow> turns) {
        SessionIndexEntity e = rows.get(ref);
        if (turns.isEmpty()) {
            if (e != null) index.delete(e);
            return null;
        }
        if (e == null) e = new SessionIndexEntity();
        e.experimentId = ref.experimentId();
        e.sessionKey = ref.sessionKey();
        writeCounts(e, turns);
        e.updatedAt = clock.instant();
        return e;
    }

    private static void writeCounts(SessionIndexEntity e, List<TurnRow> turns) {
        TurnRow first = turns.getFirst();
        TurnRow last = turns.getLast();
        boolean standalone = turns.size() == 1 && first.traceId().equals(e.sessionKey);
        e.sessionId = standalone ? null : e.sessionKey;
        e.turnCount = turns.size();
        e.firstRequestTime = first.requestTime();
        e.lastRequestTime = last.requestTime();
        e.userId = turns.stream().map(TurnRow::userId).filter(u -> u != null && !u.isBlank()).findFirst().orElse(null);
        e.worstState = turns.stream().map(t -> TraceState.parse(t.state()))
                .max(Comparator.comparingInt(TraceState::severity)).orElse(TraceState.STATE_UNSPECIFIED).name();
        e.errorTurns = (int) turns.stream().filter(t -> "ERROR".equals(t.state()) || t.errorSpanCount() > 0).count();
        e.totalTokens = turns.stream().mapToLong(TurnRow::totalTokens).sum();
        e.totalDurationMs = turns.stream().mapToLong(TurnRow::durationMs).sum();
    }

    /** Sessions waiting for analysis (imported, changed, or analysed by an older analyser), oldest activity first. */
    @Transactional(readOnly = true)
    public List<SessionRef> waiting(int limit) {
        return index.findWaiting(SessionAnalyzer.VERSION, org.springframework.data.domain.Limit.of(limit)).stream()
                .map(k -> new SessionRef(k.experimentId(), k.sessionKey())).toList();
    }

    @Transactional(readOnly = true)
    public long waitingCount() {
        return index.countByAnalysisVersionLessThan(SessionAnalyzer.VERSION);
    }

    /**
     * Re-reads the sessions in bulk (a handful of queries, not two per trace), analyses each and stores the result, in
     * one new transaction. Fails with an {@link OptimisticLockingFailureException} when an import changed one of them
     * meanwhile; that session is then still waiting. Returns the rows as written.
     */
    public List<SessionIndexEntity> analyse(java.util.Collection<SessionRef> refs) {
        return newTransaction.execute(tx -> {
            var stored = traces.loadSessions(refs);
            Map<SessionRef, SessionIndexEntity> rows = rowsOf(refs);
            List<SessionIndexEntity> out = new java.util.ArrayList<>(refs.size());
            for (SessionRef ref : refs) {
                var s = stored.get(ref);
                SessionIndexEntity e = rowToWrite(ref, rows, s == null ? List.of() : s.turns());
                if (e == null) continue;
                writeAnalysis(e, s.turns(), analyse(ref, s.traces()));
                e.analysisVersion = SessionAnalyzer.VERSION;
                out.add(index.saveAndFlush(e));
            }
            return out;
        });
    }

    /** Records a session whose analysis keeps failing as analysed without a result, so it is not retried forever. */
    public void giveUp(SessionRef ref) {
        newTransaction.executeWithoutResult(tx -> index.findById(new SessionIndexEntity.Key(ref.experimentId(), ref.sessionKey()))
                .ifPresent(e -> {
                    e.analysisVersion = SessionAnalyzer.VERSION;
                    e.updatedAt = clock.instant();
                    index.save(e);
                }));
    }

    private static void writeAnalysis(SessionIndexEntity e, List<TurnRow> turns, @Nullable SessionAnalysis analysis) {
        if (analysis != null && analysis.turns().size() == turns.size()) {
            StringBuilder text = new StringBuilder(e.sessionKey.toLowerCase(Locale.ROOT));
            e.firstInput = clip(analysis.turns().getFirst().userText());
            e.lastOutput = clip(analysis.turns().getLast().assistantText());
            for (TurnAnalysis t : analysis.turns()) {
                append(text, t.userText());
                append(text, t.assistantText());
            }
            e.rootCauseTurn = analysis.rootCause() == null ? null : analysis.rootCause().turn();
            e.rootCauseKind = analysis.rootCause() == null ? null : analysis.rootCause().kind().wire();
            e.sessionJudges = SessionJudges.write(analysis.sessionAssessments().stream().map(SessionIndexer::chip).toList());
            e.analysisJson = AnalysisJson.write(analysis);
            e.searchText = text.toString();
        } else {
            writePreviews(e, turns);
            e.rootCauseTurn = null;
            e.rootCauseKind = null;
            e.sessionJudges = null;
            e.analysisJson = null;
        }
    }

    /** Texts from MLflow's request/response previews, for a session without (a usable) analysis. */
    private static void writePreviews(SessionIndexEntity e, List<TurnRow> turns) {
        e.firstInput = clip(turns.getFirst().requestPreview());
        e.lastOutput = clip(turns.getLast().responsePreview());
        StringBuilder text = new StringBuilder(e.sessionKey.toLowerCase(Locale.ROOT));
        for (TurnRow t : turns) {
            append(text, t.requestPreview());
            append(text, t.responsePreview());
        }
        e.searchText = text.toString();
    }

    private @Nullable SessionAnalysis analyse(SessionRef ref, List<Trace> loaded) {
        try {
            return new SessionAnalyzer(settingsFor(ref.experimentId())).analyze(loaded);
        } catch (RuntimeException ex) {
            // The analyzer promises not to throw on odd data; if it does, the session stays searchable without it.
            log.error("analysis of session {} / {} failed", ref.experimentId(), ref.sessionKey(), ex);
            return null;
        }
    }

    AnalysisSettings settingsFor(String experimentId) {
        ExperimentSettings s = settings.get(experimentId);
        PolarityTable polarity = PolarityTable.builtIn();
        for (Map.Entry<String, Set<String>> o : s.failingValues().entrySet()) polarity = polarity.with(o.getKey(), o.getValue());
        return new AnalysisSettings(s.mappings(), polarity);
    }

    private static SessionRow.JudgeChip chip(AssessmentView a) {
        return new SessionRow.JudgeChip(a.name(), AnalysisJson.display(a.value()), a.verdict().name());
    }

    private static void append(StringBuilder sb, @Nullable String s) {
        if (s != null) sb.append('\n').append(s.toLowerCase(Locale.ROOT));
    }

    static @Nullable String clip(@Nullable String s) {
        if (s == null) return null;
        return s.length() <= PREVIEW_CHARS ? s : s.substring(0, PREVIEW_CHARS) + "…";
    }
}
