package io.sessionlens.trace.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SpanRepository extends JpaRepository<SpanEntity, SpanEntity.Key> {

    @Query("select s from SpanEntity s where s.traceId = :traceId order by s.seq")
    List<SpanEntity> findTrace(String traceId);

    @Query("select s from SpanEntity s where s.traceId in :ids order by s.traceId, s.seq")
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    List<SpanEntity> findTraces(java.util.Collection<String> ids);

    @Modifying
    @Query("delete from SpanEntity s where s.traceId = :traceId")
    int deleteTrace(String traceId);

    // ---- the lazy span tree: pages of one level, never a whole trace ----

    /**
     * A root is a span without a parent, a span that names itself as parent, or an orphan whose parent is not in the
     * trace (in-progress or partially exported traces; MLflow's UI shows those as roots too).
     */
    String IS_ROOT = "(s.parentSpanId is null or s.parentSpanId = s.spanId or not exists"
            + " (select p.spanId from SpanEntity p where p.traceId = s.traceId and p.spanId = s.parentSpanId))";
    String IS_CHILD_OF = "s.parentSpanId = :parentSpanId and s.spanId <> :parentSpanId";
    String HEAD = "select new io.sessionlens.trace.persistence.SpanHead(s.spanId, s.parentSpanId, s.name, s.spanType,"
            + " s.startNs, s.endNs, s.status, s.hasError) from SpanEntity s where s.traceId = :traceId and ";
    String SIBLING_ORDER = " order by s.startNs, s.spanId";
    String BEFORE = " and (s.startNs < :startNs or (s.startNs = :startNs and s.spanId < :spanId))";

    @Query(HEAD + IS_ROOT + SIBLING_ORDER + " limit :limit offset :offset")
    List<SpanHead> findRoots(String traceId, int offset, int limit);

    @Query(HEAD + IS_CHILD_OF + SIBLING_ORDER + " limit :limit offset :offset")
    List<SpanHead> findChildren(String traceId, String parentSpanId, int offset, int limit);

    @Query("select count(s) from SpanEntity s where s.traceId = :traceId and " + IS_ROOT)
    long countRoots(String traceId);

    @Query("select count(s) from SpanEntity s where s.traceId = :traceId and " + IS_CHILD_OF)
    long countChildren(String traceId, String parentSpanId);

    /** Child counts for a page of rows in one query (spans without children are absent). */
    @Query("select new io.sessionlens.trace.persistence.ChildCount(s.parentSpanId, count(s)) from SpanEntity s"
            + " where s.traceId = :traceId and s.parentSpanId in :parentSpanIds and s.spanId <> s.parentSpanId"
            + " group by s.parentSpanId")
    List<ChildCount> countChildrenOf(String traceId, Collection<String> parentSpanIds);

    @Query(HEAD + "s.spanId = :spanId")
    List<SpanHead> findHead(String traceId, String spanId);

    @Query(HEAD + "s.spanId in :spanIds")
    List<SpanHead> findHeads(String traceId, Collection<String> spanIds);

    /** The position of a root among the roots: how many roots come before it in sibling order. */
    @Query("select count(s) from SpanEntity s where s.traceId = :traceId and " + IS_ROOT + BEFORE)
    long countRootsBefore(String traceId, long startNs, String spanId);

    @Query("select count(s) from SpanEntity s where s.traceId = :traceId and " + IS_CHILD_OF + BEFORE)
    long countChildrenBefore(String traceId, String parentSpanId, long startNs, String spanId);

    @Query("select new io.sessionlens.trace.persistence.SpanLink(s.spanId, s.parentSpanId, s.startNs) from SpanEntity s"
            + " where s.traceId = :traceId and s.hasError = true")
    List<SpanLink> findErrorLinks(String traceId);

    @Query("select new io.sessionlens.trace.persistence.SpanLink(s.spanId, s.parentSpanId, s.startNs) from SpanEntity s"
            + " where s.traceId = :traceId and s.spanId in :spanIds")
    List<SpanLink> findLinks(String traceId, Collection<String> spanIds);

    @Query("select new io.sessionlens.trace.persistence.SpanWindow(min(s.startNs), max(coalesce(s.endNs, s.startNs)))"
            + " from SpanEntity s where s.traceId = :traceId")
    SpanWindow findWindow(String traceId);
}
