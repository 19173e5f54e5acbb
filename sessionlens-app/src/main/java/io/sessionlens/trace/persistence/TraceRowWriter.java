package io.sessionlens.trace.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Writes an import's rows: the bulk insert path (decision record 042). The entities {@link TraceMapping} made are
 * inserted with plain JDBC batches on the transaction's own connection (Hibernate's, so in the caller's transaction);
 * nothing else in SessionLens writes these tables, and every read stays with the JPA repositories. Each trace first gets
 * its numeric key from {@code trace_pk_seq} (V37), a block of {@value #KEY_BLOCK} keys per sequence call, in the order
 * given, so a batch's spans go to the end of the span indexes however random MLflow's trace ids are.
 */
@Repository
public class TraceRowWriter {
    static final int JDBC_BATCH = 500;
    /** {@code trace_pk_seq} counts in steps of this many: one value reserves that many keys (V37). */
    static final int KEY_BLOCK = 100;
    static final String KEY_SEQUENCE = "trace_pk_seq";

    @PersistenceContext private EntityManager em;

    private static final String INSERT_TRACE = "insert into trace_record (trace_pk, trace_id, experiment_id,"
            + " session_id, session_key, request_time, duration_ms, state, user_id, trace_name, client_request_id,"
            + " request_preview, response_preview, metadata_json, tags_json, span_count, error_span_count, input_tokens,"
            + " output_tokens, total_tokens, content_hash, imported_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SPAN = "insert into span_record (trace_pk, span_id, parent_span_id,"
            + " cycle_parent_span_id, seq, name, span_type, start_ns, end_ns, status, status_message, has_error,"
            + " attributes_json, events_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ASSESSMENT = "insert into assessment_record (trace_pk, seq, assessment_id, name,"
            + " kind, span_id, source_type, source_id, value_json, error_code, serialized_format, serialized_value,"
            + " error_message, error_stack, rationale, metadata_json, create_time, update_time, session_level, valid,"
            + " overrides, raw_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * The bulk path alone, with keys {@code firstKey, firstKey + 1, …} and no application logic around it: what
     * {@code ImportBench} times as the database's own ceiling for the same rows.
     */
    public static void insertWithKeys(Connection c, List<TraceMapping.Rows> rows, long firstKey) throws SQLException {
        for (int i = 0; i < rows.size(); i++) rows.get(i).assignKey(firstKey + i);
        insertTraces(c, rows);
        insertSpans(c, rows);
        insertAssessments(c, rows);
    }

    private static void insertTraces(Connection c, List<TraceMapping.Rows> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_TRACE)) {
            int pending = 0;
            for (TraceMapping.Rows r : rows) {
                TraceEntity t = r.trace();
                int i = 0;
                ps.setLong(++i, t.tracePk);
                ps.setString(++i, t.traceId);
                ps.setString(++i, t.experimentId);
                ps.setString(++i, t.sessionId);
                ps.setString(++i, t.sessionKey);
                ps.setObject(++i, utc(t.requestTime));
                setLong(ps, ++i, t.durationMs);
                ps.setString(++i, t.state);
                ps.setString(++i, t.userId);
                ps.setString(++i, t.traceName);
                ps.setString(++i, t.clientRequestId);
                ps.setString(++i, t.requestPreview);
                ps.setString(++i, t.responsePreview);
                ps.setString(++i, t.metadataJson);
                ps.setString(++i, t.tagsJson);
                ps.setInt(++i, t.spanCount);
                ps.setInt(++i, t.errorSpanCount);
                ps.setLong(++i, t.inputTokens);
                ps.setLong(++i, t.outputTokens);
                ps.setLong(++i, t.totalTokens);
                ps.setString(++i, t.contentHash);
                ps.setObject(++i, utc(t.importedAt));
                ps.addBatch();
                if (++pending == JDBC_BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) ps.executeBatch();
        }
    }

    private static void insertSpans(Connection c, List<TraceMapping.Rows> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_SPAN)) {
            int pending = 0;
            for (TraceMapping.Rows r : rows) {
                for (SpanEntity s : r.spans()) {
                    int i = 0;
                    ps.setLong(++i, s.tracePk);
                    ps.setString(++i, s.spanId);
                    ps.setString(++i, s.parentSpanId);
                    ps.setString(++i, s.cycleParentSpanId);
                    ps.setInt(++i, s.seq);
                    ps.setString(++i, s.name);
                    ps.setString(++i, s.spanType);
                    ps.setLong(++i, s.startNs);
                    setLong(ps, ++i, s.endNs);
                    ps.setString(++i, s.status);
                    ps.setString(++i, s.statusMessage);
                    ps.setBoolean(++i, s.hasError);
                    ps.setString(++i, s.attributesJson);
                    ps.setString(++i, s.eventsJson);
                    ps.addBatch();
                    if (++pending == JDBC_BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) ps.executeBatch();
        }
    }

    private static void insertAssessments(Connection c, List<TraceMapping.Rows> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_ASSESSMENT)) {
            int pending = 0;
            for (TraceMapping.Rows r : rows) {
                for (AssessmentEntity a : r.assessments()) {
                    int i = 0;
                    ps.setLong(++i, a.tracePk);
                    ps.setInt(++i, a.seq);
                    ps.setString(++i, a.assessmentId);
                    ps.setString(++i, a.name);
                    ps.setString(++i, a.kind);
                    ps.setString(++i, a.spanId);
                    ps.setString(++i, a.sourceType);
                    ps.setString(++i, a.sourceId);
                    ps.setString(++i, a.valueJson);
                    ps.setString(++i, a.errorCode);
                    ps.setString(++i, a.serializedFormat);
                    ps.setString(++i, a.serializedValue);
                    ps.setString(++i, a.errorMessage);
                    ps.setString(++i, a.errorStack);
                    ps.setString(++i, a.rationale);
                    ps.setString(++i, a.metadataJson);
                    ps.setObject(++i, a.createTime == null ? null : utc(a.createTime), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setObject(++i, a.updateTime == null ? null : utc(a.updateTime), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setBoolean(++i, a.sessionLevel);
                    ps.setBoolean(++i, a.valid);
                    ps.setString(++i, a.overrides);
                    ps.setString(++i, a.rawJson);
                    ps.addBatch();
                    if (++pending == JDBC_BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) ps.executeBatch();
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) ps.setNull(index, Types.BIGINT);
        else
            ps.setLong(index, value);
    }

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
            insertTraces(connection, rows);
            insertSpans(connection, rows);
            insertAssessments(connection, rows);
        });
    }
}
