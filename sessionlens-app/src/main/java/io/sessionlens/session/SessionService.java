package io.sessionlens.session;

import io.sessionlens.analysis.SessionAnalysis;
import io.sessionlens.analysis.SessionAnalyzer;
import io.sessionlens.analysis.TranscriptMarkdown;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.session.persistence.AnalysisJson;
import io.sessionlens.session.persistence.HumanVerdictEntity;
import io.sessionlens.session.persistence.HumanVerdictRepository;
import io.sessionlens.session.persistence.ListRow;
import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.session.search.SessionSearchIndex;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TurnRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Reads the session index: the search (filtering, paging and sorting in SQL) and the session document as stored. Never
 * writes; {@link SessionReader} opens a session that still waits for its analysis.
 */
@Service
@Transactional(readOnly = true)
public class SessionService {
    static final int JUDGE_SUGGESTION_SESSIONS = 2000;
    static final int EXPORT_PAGE = 1000;
    private final SessionIndexRepository index;
    private final TraceService traces;
    private final HumanVerdictRepository verdicts;
    private final ObjectProvider<TranscriptNotes> notes;
    private final SessionSearchIndex engine;
    private final TransactionTemplate readOnly;

    SessionService(SessionIndexRepository index, TraceService traces, HumanVerdictRepository verdicts,
            ObjectProvider<TranscriptNotes> notes, SessionSearchIndex engine, PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.index = index;
        this.traces = traces;
        this.verdicts = verdicts;
        this.notes = notes;
        this.engine = engine;
    }

    /**
     * One page of the sessions that match, sorted by {@code sort} (newest first when empty); ties by key, so paging is
     * stable. The search engine finds the page's sessions and counts them; the database gives their rows by key
     * (decision 041). Until the engine is ready (its first build), the database answers alone.
     */
    public Page<SessionRow> search(SessionFilter filter, List<SessionSort.Order> sort, int page, int size) {
        if (!engine.ready()) return index.search(filter, sort, page, size).map(SessionService::toRow);
        SessionSearchIndex.Hits hits = engine.search(filter, sort, page * size, size);
        return new PageImpl<>(rowsOf(hits.sessions()), PageRequest.of(page, size), hits.total());
    }

    /** Rows of the list and the cursor after them (null: no row follows); see {@link #slice}. */
    public record RowSlice(List<SessionRow> rows, @Nullable String next) {}

    /**
     * The page {@code skip} rows after a cursor a previous page gave (null: from the first row), without counting the
     * matches. The engine reads the rows after the cursor's values, which costs what the first page costs however deep
     * it is (decision 045); until it is ready the database reads by the cursor's position. A token that is not a cursor
     * of this order is an {@link IllegalArgumentException} naming the defect.
     */
    public RowSlice slice(SessionFilter filter, List<SessionSort.Order> sort, @Nullable String cursor, int skip,
            int size) {
        if (engine.ready()) {
            SessionSearchIndex.Slice s = engine.slice(filter, sort, cursor, skip, size);
            return new RowSlice(rowsOf(s.sessions()), s.next());
        }
        long from = (cursor == null ? 0 : SessionSearchIndex.position(cursor, sort)) + skip;
        int page = (int) (from / size), within = (int) (from % size);
        List<SessionRow> rows = new ArrayList<>();
        Slice<SessionIndexEntity> first = index.searchSlice(filter, sort, page, size);
        first.getContent().stream().skip(within).map(SessionService::toRow).forEach(rows::add);
        boolean more = first.hasNext();
        if (within > 0 && more) {
            Slice<SessionIndexEntity> second = index.searchSlice(filter, sort, page + 1, size);
            second.getContent().stream().limit(within).map(SessionService::toRow).forEach(rows::add);
            more = second.getContent().size() > within || second.hasNext();
        }
        return new RowSlice(rows, more ? SessionSearchIndex.positionCursor(from + rows.size(), sort) : null);
    }

    public long count(SessionFilter filter) {
        return engine.ready() ? engine.count(filter) : index.countMatching(filter);
    }

    /**
     * The summary line: counts by verdict and root-cause kind of the sessions the filter keeps, whatever its verdict
     * ({@link SessionSummary#matching} gives the list's total). One query.
     */
    public SessionSummary summary(SessionFilter filter) {
        return engine.ready() ? engine.summary(filter) : index.summarise(filter);
    }

    /** The list's rows of these sessions, in this order, read by key (a session deleted meanwhile is left out). */
    private List<SessionRow> rowsOf(List<SessionRef> refs) {
        if (refs.isEmpty()) return List.of();
        Set<String> keys = new java.util.HashSet<>();
        for (SessionRef r : refs) keys.add(r.sessionId());
        java.util.Map<SessionRef, ListRow> byRef = new java.util.HashMap<>();
        for (ListRow r : index.findListRows(keys)) byRef.put(new SessionRef(r.experimentId(), r.sessionKey()), r);
        List<SessionRow> out = new ArrayList<>(refs.size());
        for (SessionRef r : refs) {
            ListRow row = byRef.get(r);
            if (row != null) out.add(toRow(row));
        }
        return out;
    }

    /**
     * The judge values seen in the newest {@value #JUDGE_SUGGESTION_SESSIONS} sessions, session-level and per-turn, as
     * {@code name=value}, sorted: the judge filter's suggestions.
     */
    public List<String> judgeSuggestions() {
        Set<String> out = new TreeSet<>();
        for (String json : index.recentJudgeLists(JUDGE_SUGGESTION_SESSIONS)) {
            try {
                for (var j : AnalysisJson.readJudges(json))   // a per-turn entry read as a chip: its turns left out
                    if (!j.value().isBlank() && j.value().length() <= 80) out.add(j.name() + "=" + j.value());
            } catch (JacksonException unreadable) {
                // an older or damaged list only costs its suggestions
            }
        }
        return List.copyOf(out);
    }

    /**
     * Every session the query keeps, in its order, a page at a time: each page its own read transaction, so a big export
     * never holds every row in one persistence context.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void forEachMatching(SessionQuery query, Consumer<SessionRow> each) {
        if (engine.ready()) {
            engine.forEachMatching(query.filter(), query.sort(), EXPORT_PAGE, refs -> rowsInOwnTransaction(refs)
                    .forEach(each));
            return;
        }
        for (int page = 0;; page++) {
            Slice<SessionRow> p = index.searchSlice(query.filter(), query.sort(), page, EXPORT_PAGE)
                    .map(SessionService::toRow);
            p.forEach(each);
            if (!p.hasNext()) return;
        }
    }

    /** How many sessions wait for the background analysis. */
    public long waitingForAnalysis() {
        return index.countByAnalysisVersionLessThan(SessionAnalyzer.VERSION);
    }

    /** Experiment ids that have sessions, for the filter's choices. */
    public List<String> experiments() {
        return index.findExperimentIds();
    }

    /** The session an API path names: in that experiment, or without one the most recent session of that id. */
    public Optional<SessionRef> resolve(String sessionId, @Nullable String experimentId) {
        return experimentId == null || experimentId.isBlank()
                ? latest(sessionId)
                : Optional.of(new SessionRef(experimentId, sessionId));
    }

    /** The most recent session of that id across experiments: a session id alone may be ambiguous. */
    public Optional<SessionRef> latest(String sessionId) {
        return traces.experimentsOfSession(sessionId).stream()
                .map(exp -> index.findByRef(new SessionRef(exp, sessionId)))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(SessionIndexEntity::getLastRequestTime))
                .map(SessionIndexEntity::ref);
    }

    /**
     * The session as stored, with its turns in order. Its analysis is shown only when it is today's and was made of
     * these very turns; otherwise the document says {@code analysed: false} and shows the previews, never a mix.
     */
    public Optional<SessionDocument> document(SessionRef ref) {
        return index.findByRef(ref).map(this::document);
    }

    /** The conversation as Markdown, one heading per turn (the analysis' texts, or the previews when not analysed). */
    public Optional<String> transcriptMarkdown(SessionRef ref) {
        return index.findByRef(ref).map(e -> {
            SessionAnalysis a = currentAnalysis(e, traces.turns(ref));
            TranscriptNotes n = notes.getIfAvailable();
            return TranscriptMarkdown.render(ref.sessionId(), a == null ? SessionAnalysis.empty() : a,
                    n == null ? java.util.Map.of() : n.of(ref));
        });
    }

    private SessionDocument document(SessionIndexEntity e) {
        List<TurnRow> rows = traces.turns(e.ref());
        SessionAnalysis a = currentAnalysis(e, rows);
        List<TurnDocument> turns = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++)
            turns.add(TurnDocument.of(rows.get(i), a == null ? null : a.turns().get(i)));
        return new SessionDocument(e.getExperimentId(), e.getSessionKey(), e.getSessionId() == null, nz(e.getUserId()),
                e.getWorstState(), rows.size(), a != null, turns, a == null ? List.of() : a.sessionAssessments(),
                a == null ? List.of() : a.scorerErrors(), a == null ? null : a.rootCause(),
                a == null ? List.of() : a.contextFindings(), a == null ? null : a.diagnosisNote(),
                e.getImportState() == SessionIndexEntity.ImportState.INTERRUPTED,
                verdicts.findByRef(e.ref()).map(HumanVerdictEntity::toVerdict).orElse(null));
    }

    /**
     * The stored analysis if it is today's and was made of exactly these turns. The row and the turns are two reads; an
     * import or the background analysis may write between them, so they are checked against each other.
     */
    private static @Nullable SessionAnalysis currentAnalysis(SessionIndexEntity e, List<TurnRow> rows) {
        if (!e.isAnalysed()) return null;
        SessionAnalysis a;
        try {
            a = AnalysisJson.read(e.getAnalysisJson());
        } catch (JacksonException unreadable) {
            return null;   // read as waiting, never as an error (decision record 010)
        }
        if (a == null || a.turns().size() != rows.size()) return null;
        for (int i = 0; i < rows.size(); i++) {
            TurnAnalysis t = a.turns().get(i);
            if (!t.traceId().equals(rows.get(i).traceId())) return null;
        }
        return a;
    }

    private List<SessionRow> rowsInOwnTransaction(List<SessionRef> refs) {
        return Objects.requireNonNull(readOnly.execute(tx -> rowsOf(refs)));
    }

    private static SessionRow toRow(ListRow e) {
        SessionVerdict verdict = e.rootCauseTurn() != null
                ? SessionVerdict.ROOT_CAUSE
                : "human".equals(e.verdictSource())
                        || e.analysisVersion() == SessionAnalyzer.VERSION && e.hasAnalysis()
                                ? SessionVerdict.HEALTHY
                                : SessionVerdict.NOT_ANALYSED;
        List<SessionRow.TurnJudge> turnJudges;
        try {
            turnJudges = AnalysisJson.readTurnJudges(e.turnJudges());
        } catch (JacksonException unreadable) {
            turnJudges = List.of();
        }
        return new SessionRow(e.experimentId(), e.sessionKey(), e.sessionId() == null, e.turnCount(),
                e.firstRequestTime(), e.lastRequestTime(), nz(e.userId()), e.worstState(), e.errorTurns(),
                nz(e.firstInput()), nz(e.lastOutput()), e.totalTokens(), e.totalDurationMs(), e.rootCauseTurn(),
                e.rootCauseKind(), AnalysisJson.readJudges(e.sessionJudges()),
                e.analysisVersion() == SessionAnalyzer.VERSION,
                e.importState() == SessionIndexEntity.ImportState.INTERRUPTED, verdict, turnJudges,
                "human".equals(e.verdictSource()) ? "human" : "auto", e.annotationCount());
    }

    private static SessionRow toRow(SessionIndexEntity e) {
        return new SessionRow(e.getExperimentId(), e.getSessionKey(), e.getSessionId() == null, e.getTurnCount(),
                e.getFirstRequestTime(), e.getLastRequestTime(), nz(e.getUserId()), e.getWorstState(),
                e.getErrorTurns(),
                nz(e.getFirstInput()), nz(e.getLastOutput()), e.getTotalTokens(), e.getTotalDurationMs(),
                e.getRootCauseTurn(),
                e.getRootCauseKind(), AnalysisJson.readJudges(e.getSessionJudges()), e.isAnalysed(),
                e.getImportState() == SessionIndexEntity.ImportState.INTERRUPTED, verdict(e), readTurnJudges(e),
                e.hasHumanVerdict() ? "human" : "auto", e.getAnnotationCount());
    }

    /** As {@code SessionSearch}'s verdict filter defines it. */
    private static SessionVerdict verdict(SessionIndexEntity e) {
        if (e.getRootCauseTurn() != null) return SessionVerdict.ROOT_CAUSE;
        return e.hasHumanVerdict() || e.isAnalysed() && e.getAnalysisJson() != null
                ? SessionVerdict.HEALTHY
                : SessionVerdict.NOT_ANALYSED;
    }

    private static List<SessionRow.TurnJudge> readTurnJudges(SessionIndexEntity e) {
        try {
            return AnalysisJson.readTurnJudges(e.getTurnJudges());
        } catch (JacksonException unreadable) {
            return List.of();
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
