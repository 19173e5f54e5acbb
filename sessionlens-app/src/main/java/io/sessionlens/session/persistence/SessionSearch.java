package io.sessionlens.session.persistence;

import io.sessionlens.analysis.SessionAnalyzer;
import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionSort;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** The session search in SQL: a {@link SessionFilter} as a where clause, {@link SessionSort} keys as index columns. */
final class SessionSearch {
    /** Ties (and an unsorted list) end in the key, so paging is stable. */
    private static final List<Sort.Order> TIE_BREAK = List.of(Sort.Order.asc("experimentId"),
            Sort.Order.asc("sessionKey"));

    private SessionSearch() {}

    /** Newest activity first unless the caller sorts. */
    static Sort sort(List<SessionSort.Order> orders) {
        List<Sort.Order> out = new ArrayList<>();
        if (orders.isEmpty()) out.add(Sort.Order.desc("lastRequestTime"));
        for (SessionSort.Order o : orders) {
            String column = o.key().field();
            out.add(o.descending() ? Sort.Order.desc(column) : Sort.Order.asc(column));
        }
        for (Sort.Order tie : TIE_BREAK) {
            if (out.stream().noneMatch(o -> o.getProperty().equals(tie.getProperty()))) out.add(tie);
        }
        return Sort.by(out);
    }

    static Specification<SessionIndexEntity> matching(SessionFilter f) {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (present(f.experimentId())) p.add(cb.equal(root.get("experimentId"), f.experimentId()));
            if (present(f.user())) p.add(cb.equal(root.get("userId"), f.user()));
            if (present(f.state())) p.add(cb.equal(root.get("worstState"), f.state().toUpperCase(Locale.ROOT)));
            if (f.from() != null) p.add(cb.greaterThanOrEqualTo(root.get("lastRequestTime"), f.from()));
            if (f.to() != null) p.add(cb.lessThanOrEqualTo(root.get("firstRequestTime"), f.to()));
            if (f.errorsOnly()) p.add(cb.greaterThan(root.get("errorTurns"), 0));
            if (f.verdict() != null) p.add(switch (f.verdict()) {
                case ROOT_CAUSE -> cb.isNotNull(root.get("rootCauseTurn"));
                case HEALTHY -> cb.and(cb.isNull(root.get("rootCauseTurn")), analysedNow(root, cb));
                case NOT_ANALYSED -> cb.and(cb.isNull(root.get("rootCauseTurn")), cb.not(analysedNow(root, cb)));
            });
            if (present(f.rootCauseKind())) p.add(cb.equal(root.get("rootCauseKind"), f.rootCauseKind()));
            if (f.rootCauseTurn() != null) p.add(cb.equal(root.get("rootCauseTurn"), f.rootCauseTurn()));
            if (f.startedFrom() != null) p.add(cb.greaterThanOrEqualTo(root.get("firstRequestTime"), f.startedFrom()));
            if (f.startedTo() != null) p.add(cb.lessThan(root.get("firstRequestTime"), f.startedTo()));
            if (present(f.verdictSource()))
                p.add("human".equals(f.verdictSource())
                        ? cb.equal(root.get("verdictSource"), cb.literal("human"))
                        : cb.or(cb.isNull(root.get("verdictSource")),
                                cb.notEqual(root.get("verdictSource"), cb.literal("human"))));
            if (present(f.failingJudge())) {
                String like = "%" + escapeLike(AnalysisJson.failingNeedle(f.failingJudge())) + "%";
                p.add(cb.like(root.get("failingJudges"), like, '\\'));
            }
            if (present(f.text())) {
                String like = "%" + escapeLike(f.text().toLowerCase(Locale.ROOT)) + "%";
                p.add(cb.like(root.get("searchText"), like, '\\'));
            }
            if (present(f.judgeName())) {
                // The session-level list or the per-turn one; the value case-insensitively ("No" finds "no").
                String needle = present(f.judgeValue())
                        ? AnalysisJson.judgeNeedle(f.judgeName(), f.judgeValue())
                        : AnalysisJson.judgeNeedle(f.judgeName(), "").replaceFirst("\"value\":\"\",$", "");
                String like = "%" + escapeLike(needle.toLowerCase(Locale.ROOT)) + "%";
                p.add(cb.or(cb.like(cb.lower(root.get("sessionJudges")), like, '\\'),
                        cb.like(cb.lower(root.get("turnJudges")), like, '\\')));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    /**
     * The row holds an analysis by today's analyser: a "healthy" verdict needs one (a session waiting for the background
     * analysis, or whose analysis failed, is "not analysed").
     */
    static Predicate analysedNow(jakarta.persistence.criteria.Root<SessionIndexEntity> root,
            jakarta.persistence.criteria.CriteriaBuilder cb) {
        // a reviewer's verdict is a conclusion too: "no root cause" from a person reads healthy (decision 026)
        return cb.or(cb.equal(root.get("verdictSource"), cb.literal("human")),
                cb.and(cb.equal(root.get("analysisVersion"), cb.literal(SessionAnalyzer.VERSION)),
                        cb.isNotNull(root.get("analysisJson"))));
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
