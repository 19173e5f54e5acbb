package io.sessionlens.trace.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
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
    /** {@code trace_pk_seq} counts in steps of this many: one value reserves that many keys (V37). */
    static final int KEY_BLOCK = 100;
    static final String KEY_SEQUENCE = "trace_pk_seq";

    @PersistenceContext private EntityManager em;

    /** Removes traces with their spans and assessments (the foreign keys cascade). */
    public void delete(Collection<String> traceIds) {
        if (traceIds.isEmpty()) return;
        em.createQuery("delete from TraceEntity t where t.traceId in :ids").setParameter("ids", traceIds)
                .executeUpdate();
    }

    /**
     * Inserts the traces, then their spans and assessments, in JDBC batches. Each trace gets a new numeric key from
     * {@code trace_pk_seq} first (V37), in the order given, so a batch's rows go to the end of the span indexes.
     */
    public void insert(List<TraceMapping.Rows> rows) {
        if (rows.isEmpty()) return;
        Session session = em.unwrap(Session.class);
        String nextBlock = session.getSessionFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect().getSequenceSupport().getSequenceNextValString(KEY_SEQUENCE);
        session.doWork(connection -> {
            try (PreparedStatement next = connection.prepareStatement(nextBlock)) {
                for (int i = 0; i < rows.size(); i += KEY_BLOCK) {
                    long first;
                    try (ResultSet rs = next.executeQuery()) {
                        rs.next();
                        first = rs.getLong(1);
                    }
                    for (int j = i; j < Math.min(rows.size(), i + KEY_BLOCK); j++) rows.get(j).assignKey(first + j - i);
                }
            }
            try (StatelessSession stateless = session.getSessionFactory().openStatelessSession(connection)) {
                stateless.setJdbcBatchSize(JDBC_BATCH);
                stateless.insertMultiple(rows.stream().map(TraceMapping.Rows::trace).toList());
                stateless.insertMultiple(rows.stream().flatMap(r -> r.spans().stream()).toList());
                stateless.insertMultiple(rows.stream().flatMap(r -> r.assessments().stream()).toList());
            }
        });
    }
}
