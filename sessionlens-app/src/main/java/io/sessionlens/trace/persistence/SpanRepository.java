package io.sessionlens.trace.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SpanRepository extends JpaRepository<SpanEntity, SpanEntity.Key> {

    @Query("select s from SpanEntity s where s.tracePk = :tracePk order by s.seq")
    List<SpanEntity> findTrace(long tracePk);

    @Query("select s from SpanEntity s where s.tracePk in :pks order by s.tracePk, s.seq")
    @org.springframework.data.jpa.repository.QueryHints(@jakarta.persistence.QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    List<SpanEntity> findTraces(java.util.Collection<Long> pks);

    // ---- the lazy span tree: pages of one level, never a whole trace ----

    /**
     * A root is a span without a parent, a span that names itself as parent, or an orphan whose parent is not in the
     * trace (in-progress or partially exported traces; MLflow's UI shows those as roots too).
     */
    // NOT IN over the trace's span ids, not a correlated NOT EXISTS: H2 answered the latter through the covering tree
    // index, whose span_id is its fourth column, so counting the roots of a 50,000-span trace read 50,000² entries.
    String IS_ROOT = "(s.parentSpanId is null or s.parentSpanId = s.spanId or s.parentSpanId not in"
            + " (select p.spanId from SpanEntity p where p.tracePk = :tracePk))";
    String IS_CHILD_OF = "s.parentSpanId = :parentSpanId and s.spanId <> :parentSpanId";
    /** A row's own columns plus its child count, counted in the index (trace_id, parent_span_id, …). */
    String HEAD = "select new io.sessionlens.trace.persistence.SpanHead(s.spanId, s.parentSpanId, s.name, s.spanType,"
            + " s.startNs, s.endNs, s.status, s.hasError, (select count(c) from SpanEntity c where c.tracePk = s.tracePk"
            + " and c.parentSpanId = s.spanId and c.spanId <> s.spanId)) from SpanEntity s where ";
    String SIBLING_ORDER = " order by s.startNs, s.spanId";
    String BEFORE = " and (s.startNs < :startNs or (s.startNs = :startNs and s.spanId < :spanId))";

    // Pages select ids only: the index span_record_tree (V2_1) answers them without reading a span row. The page's
    // rows are then read by id, so skipping 40,000 siblings costs index entries, not 40,000 rows of attribute JSON.

    @Query("select s.spanId from SpanEntity s where s.tracePk = :tracePk and " + IS_ROOT + SIBLING_ORDER
            + " limit :limit offset :offset")
    List<String> findRootIds(long tracePk, int offset, int limit);

    @Query("select s.spanId from SpanEntity s where s.tracePk = :tracePk and " + IS_CHILD_OF + SIBLING_ORDER
            + " limit :limit offset :offset")
    List<String> findChildIds(long tracePk, String parentSpanId, int offset, int limit);

    @Query("select count(s) from SpanEntity s where s.tracePk = :tracePk and " + IS_ROOT)
    long countRoots(long tracePk);

    @Query("select count(s) from SpanEntity s where s.tracePk = :tracePk and " + IS_CHILD_OF)
    long countChildren(long tracePk, String parentSpanId);

    /**
     * The rows of a page, by primary key. Keys rather than {@code traceId = ? and spanId in (…)}: H2 uses an IN list
     * only on an index's first column, so the latter reads every span of the trace; keys become a row-value IN.
     */
    @Query(HEAD + "id(s) in :keys")
    List<SpanHead> findHeads(Collection<SpanEntity.Key> keys);

    /** The position of a root among the roots: how many roots come before it in sibling order. */
    @Query("select count(s) from SpanEntity s where s.tracePk = :tracePk and " + IS_ROOT + BEFORE)
    long countRootsBefore(long tracePk, long startNs, String spanId);

    @Query("select count(s) from SpanEntity s where s.tracePk = :tracePk and " + IS_CHILD_OF + BEFORE)
    long countChildrenBefore(long tracePk, String parentSpanId, long startNs, String spanId);

    @Query("select new io.sessionlens.trace.persistence.SpanLink(s.spanId, s.parentSpanId, s.startNs) from SpanEntity s"
            + " where s.tracePk = :tracePk and s.hasError = true")
    List<SpanLink> findErrorLinks(long tracePk);

    @Query("select new io.sessionlens.trace.persistence.SpanLink(s.spanId, s.parentSpanId, s.startNs) from SpanEntity s"
            + " where id(s) in :keys")
    List<SpanLink> findLinks(Collection<SpanEntity.Key> keys);

    @Query("select new io.sessionlens.trace.persistence.SpanWindow(min(s.startNs), max(coalesce(s.endNs, s.startNs)))"
            + " from SpanEntity s where s.tracePk = :tracePk")
    SpanWindow findWindow(long tracePk);
}
