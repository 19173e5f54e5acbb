package io.sessionlens.session.persistence;

import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionSort;
import io.sessionlens.trace.SessionRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The session index. Callers name sessions by {@link SessionRef}; the id class stays in this package. */
public interface SessionIndexRepository
        extends
            JpaRepository<SessionIndexEntity, SessionIndexEntity.Key>,
            JpaSpecificationExecutor<SessionIndexEntity>,
            SessionSummaryQuery {

    default Optional<SessionIndexEntity> findByRef(SessionRef ref) {
        return findById(SessionIndexEntity.Key.of(ref));
    }

    /** The stored rows of these sessions, in one query; sessions without a row are missing from the map. */
    default Map<SessionRef, SessionIndexEntity> findAllByRef(Collection<SessionRef> refs) {
        Map<SessionRef, SessionIndexEntity> rows = new HashMap<>();
        for (SessionIndexEntity e : findAllById(refs.stream().map(SessionIndexEntity.Key::of).toList()))
            rows.put(e.ref(), e);
        return rows;
    }

    /** One page of the sessions that match, sorted by the keys given (newest first without any). */
    default Page<SessionIndexEntity> search(SessionFilter filter, List<SessionSort.Order> sort, int page, int size) {
        return findAll(SessionSearch.matching(filter), PageRequest.of(page, size, SessionSearch.sort(sort)));
    }

    /** The same page without counting all matches (the caller knows the total, or only needs whether more follow). */
    default Slice<SessionIndexEntity> searchSlice(SessionFilter filter, List<SessionSort.Order> sort, int page,
            int size) {
        return findBy(SessionSearch.matching(filter),
                q -> q.slice(PageRequest.of(page, size, SessionSearch.sort(sort))));
    }

    default long countMatching(SessionFilter filter) {
        return count(SessionSearch.matching(filter));
    }

    /** Sessions waiting for analysis (index session_index_analysis); the oldest activity first. */
    @Query("select new io.sessionlens.trace.SessionRef(s.experimentId, s.sessionKey) from SessionIndexEntity s"
            + " where s.analysisVersion < :version order by s.analysisVersion, s.updatedAt")
    List<SessionRef> findWaiting(int version, Limit limit);

    long countByAnalysisVersionLessThan(int version);

    long countByExperimentId(String experimentId);

    /** Marks an experiment's sessions as waiting; the generation bump voids any analysis already under way. */
    @Modifying
    @Query("update SessionIndexEntity s set s.analysisVersion = 0, s.generation = s.generation + 1"
            + " where s.experimentId = :experimentId")
    int queueExperiment(String experimentId);

    /**
     * At start: sessions an import was storing when the server stopped are marked interrupted; the generation bump voids
     * any analysis of the old row.
     */
    @Modifying
    @Query("update SessionIndexEntity s set s.importState = io.sessionlens.session.persistence.SessionIndexEntity.ImportState.INTERRUPTED,"
            + " s.generation = s.generation + 1"
            + " where s.importState = io.sessionlens.session.persistence.SessionIndexEntity.ImportState.IMPORTING")
    int markInterruptedImports();

    long countByImportState(SessionIndexEntity.ImportState state);

    /** Sets (or with null clears) the import mark of these sessions of one experiment; no version check, no lock race. */
    @Modifying
    @Query("update SessionIndexEntity s set s.importState = :state"
            + " where s.experimentId = :experimentId and s.sessionKey in :sessionKeys")
    int setImportState(SessionIndexEntity.@Nullable ImportState state, String experimentId,
            Collection<String> sessionKeys);

    /** The annotation count of one session (decision 027): a bulk update, so it never races the analysis' row saves. */
    @Modifying
    @Query("update SessionIndexEntity s set s.annotationCount = :count"
            + " where s.experimentId = :experimentId and s.sessionKey = :sessionKey")
    int setAnnotationCount(String experimentId, String sessionKey, int count);

    /** Sessions whose last turn is before {@code cutoff} (index session_index_last), oldest first: the retention's. */
    @Query("select new io.sessionlens.trace.SessionRef(s.experimentId, s.sessionKey) from SessionIndexEntity s"
            + " where s.lastRequestTime < :cutoff order by s.lastRequestTime")
    List<SessionRef> findLastBefore(java.time.Instant cutoff, Limit limit);

    /**
     * What the search engine indexes of the sessions with these keys, in any experiment (a superset the caller narrows):
     * by the {@code session_key} index alone, which both databases walk key by key, where a condition on the experiment
     * too made H2 scan the whole experiment.
     */
    @Query("select new io.sessionlens.session.persistence.SearchSource(s.experimentId, s.sessionKey, s.userId,"
            + " s.worstState, s.turnCount, s.errorTurns, s.firstRequestTime, s.lastRequestTime, s.totalDurationMs,"
            + " s.rootCauseTurn, s.rootCauseKind, s.verdictSource, s.analysisVersion,"
            + " case when s.analysisJson is null then false else true end, s.sessionJudges, s.turnJudges,"
            + " s.failingJudges, s.searchText) from SessionIndexEntity s where s.sessionKey in :keys")
    List<SearchSource> findSearchSources(Collection<String> keys);

    /**
     * One experiment's search sources after {@code key} in key order, a page at a time: the index rebuild's walk along the
     * primary key (a condition spanning two experiments made H2 scan and sort every row per page).
     */
    @Query("select new io.sessionlens.session.persistence.SearchSource(s.experimentId, s.sessionKey, s.userId,"
            + " s.worstState, s.turnCount, s.errorTurns, s.firstRequestTime, s.lastRequestTime, s.totalDurationMs,"
            + " s.rootCauseTurn, s.rootCauseKind, s.verdictSource, s.analysisVersion,"
            + " case when s.analysisJson is null then false else true end, s.sessionJudges, s.turnJudges,"
            + " s.failingJudges, s.searchText) from SessionIndexEntity s"
            + " where s.experimentId = :exp and s.sessionKey > :key order by s.sessionKey")
    List<SearchSource> findSearchSourcesOfExperimentAfter(String exp, String key, Limit limit);

    /** The keys of one experiment's sessions after {@code key}, in key order, a page at a time. */
    @Query("select new io.sessionlens.trace.SessionRef(s.experimentId, s.sessionKey) from SessionIndexEntity s"
            + " where s.experimentId = :exp and s.sessionKey > :key order by s.sessionKey")
    List<SessionRef> findRefsOfExperimentAfter(String exp, String key, Limit limit);

    /** The list's rows of the sessions with these keys, in any experiment (the caller keeps the pairs it asked for). */
    @Query("select new io.sessionlens.session.persistence.ListRow(s.experimentId, s.sessionKey, s.sessionId,"
            + " s.turnCount, s.firstRequestTime, s.lastRequestTime, s.userId, s.worstState, s.errorTurns,"
            + " s.firstInput, s.lastOutput, s.totalTokens, s.totalDurationMs, s.rootCauseTurn, s.rootCauseKind,"
            + " s.sessionJudges, s.analysisVersion, s.importState,"
            + " case when s.analysisJson is null then false else true end, s.turnJudges, s.verdictSource,"
            + " s.annotationCount) from SessionIndexEntity s where s.sessionKey in :keys")
    List<ListRow> findListRows(Collection<String> keys);

    @Query("select distinct s.experimentId from SessionIndexEntity s order by s.experimentId")
    List<String> findExperimentIds();
}
