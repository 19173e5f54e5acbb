package io.sessionlens.session.index;

import io.sessionlens.analysis.SessionAnalysis;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.session.SessionDaysChanged;
import io.sessionlens.session.persistence.AnalysisJson;
import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TurnRow;
import io.sessionlens.trace.model.TraceState;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** How an index row is written from a session's turn rows and its analysis: shared by the indexer and the runner. */
@Component
@Transactional(propagation = Propagation.MANDATORY)   // only ever a step inside the indexer's or runner's transaction
class IndexRows {
    static final int PREVIEW_CHARS = 500;

    private final SessionIndexRepository index;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IndexRows(SessionIndexRepository index, Clock clock, ApplicationEventPublisher events) {
        this.index = index;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The session's row with its counts rewritten (a new row for a new session), or null after deleting the row of a
     * session that has no traces any more (every trace of it moved to another session).
     */
    @Nullable
    SessionIndexEntity withCounts(SessionRef ref, Map<SessionRef, SessionIndexEntity> rows, List<TurnRow> turns) {
        SessionIndexEntity e = rows.get(ref);
        Set<SessionDaysChanged.Day> days = new HashSet<>();
        if (e != null) days.add(SessionDaysChanged.Day.of(e.getExperimentId(), e.getFirstRequestTime()));
        if (turns.isEmpty()) {
            if (e != null) index.delete(e);
            if (!days.isEmpty()) events.publishEvent(new SessionDaysChanged(days));
            return null;
        }
        if (e == null) e = new SessionIndexEntity(ref);
        writeCounts(e, turns);
        days.add(SessionDaysChanged.Day.of(e.getExperimentId(), e.getFirstRequestTime()));
        // the analysis is written after this by the same caller, in the same transaction: one event covers both
        events.publishEvent(new SessionDaysChanged(days));
        e.setUpdatedAt(clock.instant());
        return e;
    }

    private static void writeCounts(SessionIndexEntity e, List<TurnRow> turns) {
        TurnRow first = turns.getFirst();
        TurnRow last = turns.getLast();
        boolean standalone = turns.size() == 1 && first.traceId().equals(e.getSessionKey());
        e.setSessionId(standalone ? null : e.getSessionKey());
        e.setTurnCount(turns.size());
        e.setFirstRequestTime(first.requestTime());
        e.setLastRequestTime(last.requestTime());
        e.setUserId(
                turns.stream().map(TurnRow::userId).filter(u -> u != null && !u.isBlank()).findFirst().orElse(null));
        e.setWorstState(turns.stream().map(t -> TraceState.parse(t.state()))
                .max(Comparator.comparingInt(TraceState::severity)).orElse(TraceState.STATE_UNSPECIFIED).name());
        e.setErrorTurns((int) turns.stream()
                .filter(t -> TraceState.parse(t.state()) == TraceState.ERROR || t.errorSpanCount() > 0).count());
        e.setTotalTokens(turns.stream().mapToLong(TurnRow::totalTokens).sum());
        e.setTotalDurationMs(turns.stream().mapToLong(TurnRow::durationMs).sum());
    }

    /** The analysis' texts, root cause and judges; without a usable analysis, the previews and nothing else. */
    static void writeAnalysis(SessionIndexEntity e, List<TurnRow> turns, @Nullable SessionAnalysis analysis) {
        if (analysis != null && analysis.turns().size() == turns.size()) {
            StringBuilder text = new StringBuilder(e.getSessionKey().toLowerCase(Locale.ROOT));
            e.setFirstInput(clip(analysis.turns().getFirst().userText()));
            e.setLastOutput(clip(analysis.turns().getLast().assistantText()));
            for (TurnAnalysis t : analysis.turns()) {
                append(text, t.userText());
                append(text, t.assistantText());
            }
            if (!e.hasHumanVerdict()) {   // an analyst's verdict supersedes the analysis (decision 026)
                e.setRootCauseTurn(analysis.rootCause() == null ? null : analysis.rootCause().turn());
                e.setRootCauseKind(analysis.rootCause() == null ? null : analysis.rootCause().kind().wire());
            }
            e.setSessionJudges(AnalysisJson.writeJudges(analysis.sessionAssessments()));
            e.setFailingJudges(AnalysisJson.writeFailing(analysis.sessionAssessments()));
            e.setTurnJudges(AnalysisJson.writeTurnJudges(analysis.turns()));
            e.setAnalysisJson(AnalysisJson.write(analysis));
            e.setSearchText(text.toString());
        } else {
            writePreviews(e, turns);
            if (!e.hasHumanVerdict()) {
                e.setRootCauseTurn(null);
                e.setRootCauseKind(null);
            }
            e.setSessionJudges(null);
            e.setFailingJudges(null);
            e.setTurnJudges(null);
            e.setAnalysisJson(null);
        }
    }

    /** Texts from MLflow's request/response previews, for a session without (a usable) analysis. */
    static void writePreviews(SessionIndexEntity e, List<TurnRow> turns) {
        e.setFirstInput(clip(turns.getFirst().requestPreview()));
        e.setLastOutput(clip(turns.getLast().responsePreview()));
        StringBuilder text = new StringBuilder(e.getSessionKey().toLowerCase(Locale.ROOT));
        for (TurnRow t : turns) {
            append(text, t.requestPreview());
            append(text, t.responsePreview());
        }
        e.setSearchText(text.toString());
    }

    private static void append(StringBuilder sb, @Nullable String s) {
        if (s != null) sb.append('\n').append(s.toLowerCase(Locale.ROOT));
    }

    static @Nullable String clip(@Nullable String s) {
        if (s == null) return null;
        return s.length() <= PREVIEW_CHARS ? s : s.substring(0, PREVIEW_CHARS) + "…";
    }
}
