package io.sessionlens.session.persistence;

import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Spring Data's fragment for {@link SessionSummaryQuery}; runs in the caller's (service's) transaction. */
class SessionSummaryQueryImpl implements SessionSummaryQuery {
    private static final String HEALTHY = "~healthy";
    private static final String NOT_ANALYSED = "~not_analysed";

    @PersistenceContext private EntityManager em;

    @Override
    public SessionSummary summarise(SessionFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> q = cb.createTupleQuery();
        Root<SessionIndexEntity> root = q.from(SessionIndexEntity.class);
        // One bucket per row: the root cause's kind, or healthy, or not analysed (as the verdict filter defines them).
        Expression<String> bucket = cb.<String>selectCase()
                .when(cb.isNotNull(root.get("rootCauseTurn")),
                        cb.coalesce(root.<String>get("rootCauseKind"), cb.literal("other")))
                .when(SessionSearch.analysedNow(root, cb), cb.literal(HEALTHY))
                .otherwise(cb.literal(NOT_ANALYSED));
        Expression<Long> count = cb.count(root);
        q.multiselect(bucket, count).where(SessionSearch.matching(filter.anyVerdict()).toPredicate(root, q, cb))
                .groupBy(bucket);
        long total = 0, healthy = 0, notAnalysed = 0, rootCause = 0;
        List<Map.Entry<String, Long>> kinds = new ArrayList<>();
        for (Tuple t : em.createQuery(q).getResultList()) {
            String b = t.get(0, String.class);
            long n = t.get(1, Long.class);
            total += n;
            switch (b) {
                case HEALTHY -> healthy += n;
                case NOT_ANALYSED -> notAnalysed += n;
                default -> {
                    rootCause += n;
                    kinds.add(Map.entry(b, n));
                }
            }
        }
        kinds.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> byKind = new LinkedHashMap<>();
        kinds.forEach(e -> byKind.put(e.getKey(), e.getValue()));
        return new SessionSummary(total, rootCause, healthy, notAnalysed, byKind);
    }

    @Override
    public List<String> recentJudgeLists(int sessions) {
        // Not DISTINCT in SQL: H2 does not compare large text values; the newest sessions' lists, told apart in Java.
        Set<String> lists = new LinkedHashSet<>();
        for (Object[] r : em.createQuery("select s.sessionJudges, s.turnJudges from SessionIndexEntity s"
                + " order by s.lastRequestTime desc", Object[].class).setMaxResults(sessions).getResultList()) {
            for (Object o : r)
                if (o instanceof String json && !json.isBlank()) lists.add(json);
        }
        return List.copyOf(lists);
    }
}
