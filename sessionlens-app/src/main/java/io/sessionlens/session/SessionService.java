package io.sessionlens.session;

import io.sessionlens.analysis.SessionAnalysis;
import io.sessionlens.analysis.TranscriptMarkdown;
import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TurnRow;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Session search over the index (filtering, paging and sorting in SQL) and the session document. */
@Service
@Transactional(readOnly = true)
public class SessionService {
    private final SessionIndexRepository index;
    private final TraceService traces;
    private final SessionIndexer indexer;

    SessionService(SessionIndexRepository index, TraceService traces, SessionIndexer indexer) {
        this.index = index;
        this.traces = traces;
        this.indexer = indexer;
    }

    /** Newest first unless the caller sorts; ties broken by key so paging is stable. */
    static final Sort DEFAULT_SORT = Sort.by(Sort.Order.desc("lastRequestTime"), Sort.Order.asc("experimentId"),
            Sort.Order.asc("sessionKey"));

    public Page<SessionRow> search(SessionFilter filter, Pageable page) {
        Pageable sorted = page.getSort().isSorted() ? page
                : org.springframework.data.domain.PageRequest.of(page.getPageNumber(), page.getPageSize(), DEFAULT_SORT);
        return index.findAll(spec(filter), sorted).map(SessionService::toRow);
    }

    /** How many sessions wait for the background analysis. */
    public long waitingForAnalysis() {
        return indexer.waitingCount();
    }

    /** Experiment ids that have sessions, for the filter's choices. */
    public List<String> experiments() {
        return index.findExperimentIds();
    }

    public long count(SessionFilter filter) {
        return index.count(spec(filter));
    }

    /** The session with its turns in order. Without an experiment id, the most recent session of that id wins. */
    public Optional<SessionDocument> session(String sessionId, @Nullable String experimentId) {
        Optional<SessionIndexEntity> e = experimentId != null && !experimentId.isBlank()
                ? index.findById(new SessionIndexEntity.Key(experimentId, sessionId))
                : traces.experimentsOfSession(sessionId).stream()
                        .map(exp -> index.findById(new SessionIndexEntity.Key(exp, sessionId)))
                        .flatMap(Optional::stream).max(java.util.Comparator.comparing(s -> s.lastRequestTime));
        return e.map(this::current).map(this::document);
    }

    /**
     * The row with its analysis: a session still waiting for the background analysis (just imported or changed) is
     * analysed now, so whoever opens it never sees it half-read.
     */
    private SessionIndexEntity current(SessionIndexEntity e) {
        if (analysed(e)) return e;
        var ref = new SessionRef(e.experimentId, e.sessionKey);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return indexer.analyse(List.of(ref)).stream().findFirst().orElse(e);
            } catch (org.springframework.dao.OptimisticLockingFailureException changedMeanwhile) {
                // the worker or an import wrote it at the same moment: read again
            }
        }
        return e;
    }

    private SessionDocument document(SessionIndexEntity e) {
        List<TurnRow> rows = traces.turns(new SessionRef(e.experimentId, e.sessionKey));
        SessionAnalysis a = AnalysisJson.read(e.analysisJson);
        boolean analysed = a != null && a.turns().size() == rows.size();
        List<TurnDocument> turns = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) turns.add(TurnDocument.of(rows.get(i), analysed ? a.turns().get(i) : null));
        return new SessionDocument(e.experimentId, e.sessionKey, e.sessionId == null, nz(e.userId), e.worstState,
                rows.size(), turns, analysed ? a.sessionAssessments() : List.of(), analysed ? a.scorerErrors() : List.of(),
                analysed ? a.rootCause() : null, analysed ? a.contextFindings() : List.of());
    }

    /** The conversation as Markdown, one heading per turn (the analysis' texts, or the previews when not analysed). */
    public Optional<String> transcriptMarkdown(String sessionId, @Nullable String experimentId) {
        return session(sessionId, experimentId).map(doc -> analysis(doc.experimentId(), doc.sessionId())
                .map(a -> TranscriptMarkdown.render(doc.sessionId(), a))
                .orElseGet(() -> TranscriptMarkdown.render(doc.sessionId(), new SessionAnalysis(List.of(), List.of(), List.of(), null, List.of()))));
    }

    /** The stored analysis of a session, for views that need more than the document (e.g. the transcript export). */
    public Optional<SessionAnalysis> analysis(String experimentId, String sessionKey) {
        return index.findById(new SessionIndexEntity.Key(experimentId, sessionKey)).map(this::current)
                .map(e -> AnalysisJson.read(e.analysisJson));
    }

    static Specification<SessionIndexEntity> spec(SessionFilter f) {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (present(f.experimentId())) p.add(cb.equal(root.get("experimentId"), f.experimentId()));
            if (present(f.user())) p.add(cb.equal(root.get("userId"), f.user()));
            if (present(f.state())) p.add(cb.equal(root.get("worstState"), f.state().toUpperCase(Locale.ROOT)));
            if (f.from() != null) p.add(cb.greaterThanOrEqualTo(root.get("lastRequestTime"), f.from()));
            if (f.to() != null) p.add(cb.lessThanOrEqualTo(root.get("firstRequestTime"), f.to()));
            if (f.errorsOnly()) p.add(cb.greaterThan(root.get("errorTurns"), 0));
            if (f.rootCauseOnly()) p.add(cb.isNotNull(root.get("rootCauseTurn")));
            if (present(f.text())) {
                String like = "%" + escapeLike(f.text().toLowerCase(Locale.ROOT)) + "%";
                p.add(cb.like(root.get("searchText"), like, '\\'));
            }
            if (present(f.judgeName())) {
                String needle = "\"name\":\"" + f.judgeName() + "\""
                        + (present(f.judgeValue()) ? ",\"value\":\"" + f.judgeValue() + "\"" : "");
                p.add(cb.like(root.get("sessionJudges"), "%" + escapeLike(needle) + "%", '\\'));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    static SessionRow toRow(SessionIndexEntity e) {
        return new SessionRow(e.experimentId, e.sessionKey, e.sessionId == null, e.turnCount, e.firstRequestTime,
                e.lastRequestTime, nz(e.userId), e.worstState, e.errorTurns, nz(e.firstInput), nz(e.lastOutput),
                e.totalTokens, e.totalDurationMs, e.rootCauseTurn, e.rootCauseKind, SessionJudges.parse(e.sessionJudges),
                analysed(e));
    }

    /** Analysed by today's analyser; otherwise waiting for the background analysis. */
    private static boolean analysed(SessionIndexEntity e) {
        return e.analysisVersion == io.sessionlens.analysis.SessionAnalyzer.VERSION;
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
