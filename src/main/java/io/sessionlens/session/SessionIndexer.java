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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the session index current: after each committed batch of traces the touched sessions are re-read, analysed
 * and stored, so views and the API read the analysis instantly.
 */
@Service
class SessionIndexer {
    private static final Logger log = LoggerFactory.getLogger(SessionIndexer.class);
    static final int PREVIEW_CHARS = 500;

    private final TraceService traces;
    private final SessionIndexRepository index;
    private final ExperimentSettingsService settings;
    private final Clock clock;

    SessionIndexer(TraceService traces, SessionIndexRepository index, ExperimentSettingsService settings, Clock clock) {
        this.traces = traces;
        this.index = index;
        this.settings = settings;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onTracesStored(TracesStored event) {
        reindex(event.sessions());
    }

    /** Re-reads the sessions in bulk (a handful of queries, not two per trace) and re-analyses each of them. */
    @Transactional
    public void reindex(java.util.Collection<SessionRef> refs) {
        var stored = traces.loadSessions(refs);
        for (SessionRef ref : refs) {
            var s = stored.get(ref);
            reindex(ref, s == null ? List.of() : s.turns(), s == null ? List.of() : s.traces());
        }
    }

    private void reindex(SessionRef ref, List<TurnRow> turns, List<Trace> loaded) {
        var key = new SessionIndexEntity.Key(ref.experimentId(), ref.sessionKey());
        if (turns.isEmpty()) {   // every trace of it moved to another session
            index.deleteById(key);
            return;
        }
        SessionIndexEntity e = index.findById(key).orElseGet(SessionIndexEntity::new);
        e.experimentId = ref.experimentId();
        e.sessionKey = ref.sessionKey();
        TurnRow first = turns.getFirst();
        TurnRow last = turns.getLast();
        boolean standalone = turns.size() == 1 && first.traceId().equals(ref.sessionKey());
        e.sessionId = standalone ? null : ref.sessionKey();
        e.turnCount = turns.size();
        e.firstRequestTime = first.requestTime();
        e.lastRequestTime = last.requestTime();
        e.userId = turns.stream().map(TurnRow::userId).filter(u -> u != null && !u.isBlank()).findFirst().orElse(null);
        e.worstState = turns.stream().map(t -> TraceState.parse(t.state()))
                .max(Comparator.comparingInt(TraceState::severity)).orElse(TraceState.STATE_UNSPECIFIED).name();
        e.errorTurns = (int) turns.stream().filter(t -> "ERROR".equals(t.state()) || t.errorSpanCount() > 0).count();
        e.totalTokens = turns.stream().mapToLong(TurnRow::totalTokens).sum();
        e.totalDurationMs = turns.stream().mapToLong(TurnRow::durationMs).sum();

        SessionAnalysis analysis = analyse(ref, loaded);
        StringBuilder text = new StringBuilder(ref.sessionKey().toLowerCase(Locale.ROOT));
        if (analysis != null && analysis.turns().size() == turns.size()) {
            e.firstInput = clip(analysis.turns().getFirst().userText());
            e.lastOutput = clip(analysis.turns().getLast().assistantText());
            for (TurnAnalysis t : analysis.turns()) {
                append(text, t.userText());
                append(text, t.assistantText());
            }
            e.rootCauseTurn = analysis.rootCause() == null ? null : analysis.rootCause().turn();
            e.rootCauseKind = analysis.rootCause() == null ? null : analysis.rootCause().kind();
            e.sessionJudges = SessionJudges.write(analysis.sessionAssessments().stream().map(SessionIndexer::chip).toList());
            e.analysisJson = AnalysisJson.write(analysis);
        } else {
            e.firstInput = clip(first.requestPreview());
            e.lastOutput = clip(last.responsePreview());
            for (TurnRow t : turns) {
                append(text, t.requestPreview());
                append(text, t.responsePreview());
            }
            e.rootCauseTurn = null;
            e.rootCauseKind = null;
            e.sessionJudges = null;
            e.analysisJson = null;
        }
        e.searchText = text.toString();
        e.updatedAt = clock.instant();
        index.save(e);
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
