package io.sessionlens.trace.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.springframework.stereotype.Repository;

/**
 * Writes an import's rows through Hibernate's {@link StatelessSession}: the same JPA entities and mapping, in the
 * caller's transaction and on its connection, but without a persistence context. An import writes tens of thousands of
 * span rows, and the persistence context's bookkeeping (registering, dirty-checking and flushing every entity) cost more
 * than the inserts themselves. Reads stay with the JPA repositories. Decision record 008.
 */
@Repository
public class TraceRowWriter {
    static final int JDBC_BATCH = 500;

    @PersistenceContext private EntityManager em;

    /** Removes traces with their spans and assessments (the foreign keys cascade). */
    public void delete(Collection<String> traceIds) {
        if (traceIds.isEmpty()) return;
        em.createQuery("delete from TraceEntity t where t.traceId in :ids").setParameter("ids", traceIds)
                .executeUpdate();
    }

    /** Inserts the traces, then their spans and assessments, in JDBC batches. */
    public void insert(List<TraceMapping.Rows> rows) {
        if (rows.isEmpty()) return;
        Session session = em.unwrap(Session.class);
        session.doWork(connection -> {
            try (StatelessSession stateless = session.getSessionFactory().openStatelessSession(connection)) {
                stateless.setJdbcBatchSize(JDBC_BATCH);
                stateless.insertMultiple(rows.stream().map(TraceMapping.Rows::trace).toList());
                stateless.insertMultiple(rows.stream().flatMap(r -> r.spans().stream()).toList());
                stateless.insertMultiple(rows.stream().flatMap(r -> r.assessments().stream()).toList());
            }
        });
    }
}
