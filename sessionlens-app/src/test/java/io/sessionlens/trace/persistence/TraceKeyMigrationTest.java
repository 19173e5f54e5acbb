package io.sessionlens.trace.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V37 rebuilds the trace tables around a numeric trace key (decision 042). A database written before it (every
 * migration up to V36, with traces, spans and assessments in it) must open with every stored value unchanged, on H2 and
 * on PostgreSQL (when one answers, as in {@code PostgresProfileTest}).
 */
class TraceKeyMigrationTest {
    private static final String PG_URL = System.getProperty("sessionlens.test.pg-url",
            "jdbc:postgresql://localhost:5432/sessionlens");

    @TempDir Path dir;

    @Test
    void an_h2_file_written_before_v37_keeps_every_trace_span_and_assessment() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("old") + ";AUTO_SERVER=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            migrateKeepsEverything(c, Flyway.configure().dataSource(url, "sa", ""));
        }
    }

    @Test
    void a_postgresql_schema_written_before_v37_keeps_every_trace_span_and_assessment() throws SQLException {
        assumeThat(postgresAnswers()).as("PostgreSQL answers at " + PG_URL).isTrue();
        String schema = "sl_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_URL, "sessionlens", "sessionlens")) {
            try {
                migrateKeepsEverything(c, Flyway.configure().dataSource(PG_URL, "sessionlens", "sessionlens")
                        .schemas(schema).defaultSchema(schema));
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    private void migrateKeepsEverything(Connection c, org.flywaydb.core.api.configuration.FluentConfiguration flyway)
            throws SQLException {
        flyway.locations("classpath:db/migration");
        // every migration before V37 (V36 is the newest today; the highest below 37 is taken, whatever its number)
        org.flywaydb.core.api.MigrationVersion v37 = org.flywaydb.core.api.MigrationVersion.fromVersion("37");
        org.flywaydb.core.api.MigrationVersion before = java.util.Arrays.stream(flyway.load().info().all())
                .map(org.flywaydb.core.api.MigrationInfo::getVersion).filter(v -> v.isNewerThan("0"))
                .filter(v -> v37.isNewerThan(v.getVersion())).max(Comparable::compareTo).orElseThrow();
        flyway.target(before).load().migrate();
        String schema = flyway.getDefaultSchema();
        if (schema != null) {
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + schema);
            }
        }
        storeOldRows(c);
        List<String> tracesBefore = rows(c, TRACES.formatted("t.trace_id"));
        List<String> spansBefore = rows(c, SPANS_BEFORE);
        List<String> assessmentsBefore = rows(c, ASSESSMENTS_BEFORE);

        flyway.target("latest").load().migrate();

        assertThat(rows(c, TRACES.formatted("t.trace_id"))).containsExactlyElementsOf(tracesBefore);
        assertThat(rows(c, SPANS_AFTER)).containsExactlyElementsOf(spansBefore);
        assertThat(rows(c, ASSESSMENTS_AFTER)).containsExactlyElementsOf(assessmentsBefore);
        // the stored traces got keys below the sequence's first value, in the order they were imported
        assertThat(rows(c, "select trace_id, trace_pk from trace_record order by trace_pk"))
                .containsExactly("tr-b|-3", "tr-a|-2", "tr-c|-1");
        // deleting a trace still takes its spans and assessments along (the foreign keys now hang on trace_pk)
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from trace_record where trace_id = 'tr-a'");
        }
        assertThat(rows(c, "select count(*) from span_record")).containsExactly("3");
        assertThat(rows(c, "select count(*) from assessment_record")).containsExactly("0");
    }

    private static final String TRACES = "select %s, t.experiment_id, t.session_id, t.session_key, t.request_time,"
            + " t.duration_ms, t.state, t.user_id, t.trace_name, t.client_request_id, t.request_preview,"
            + " t.response_preview, t.metadata_json, t.tags_json, t.span_count, t.error_span_count, t.input_tokens,"
            + " t.output_tokens, t.total_tokens, t.content_hash, t.imported_at from trace_record t order by t.trace_id";
    private static final String SPAN_COLUMNS = "s.span_id, s.parent_span_id, s.cycle_parent_span_id, s.seq, s.name,"
            + " s.span_type, s.start_ns, s.end_ns, s.status, s.status_message, s.has_error, s.attributes_json,"
            + " s.events_json";
    private static final String SPANS_BEFORE = "select s.trace_id, " + SPAN_COLUMNS
            + " from span_record s order by s.trace_id, s.seq";
    private static final String SPANS_AFTER = "select t.trace_id, " + SPAN_COLUMNS
            + " from span_record s join trace_record t on t.trace_pk = s.trace_pk order by t.trace_id, s.seq";
    private static final String ASSESSMENT_COLUMNS = "a.seq, a.assessment_id, a.name, a.kind, a.span_id,"
            + " a.source_type, a.source_id, a.value_json, a.error_code, a.serialized_format, a.serialized_value,"
            + " a.error_message, a.error_stack, a.rationale, a.metadata_json, a.create_time, a.update_time,"
            + " a.session_level, a.valid, a.overrides, a.raw_json";
    private static final String ASSESSMENTS_BEFORE = "select a.trace_id, " + ASSESSMENT_COLUMNS
            + " from assessment_record a order by a.trace_id, a.seq";
    private static final String ASSESSMENTS_AFTER = "select t.trace_id, " + ASSESSMENT_COLUMNS
            + " from assessment_record a join trace_record t on t.trace_pk = a.trace_pk order by t.trace_id, a.seq";

    /** Three traces as the import before V37 wrote them: two turns of a session and a trace of its own. */
    private static void storeOldRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(trace("tr-a", "s-1", "2026-03-01 10:00:00+00", "2026-03-02 09:00:01+00", "OK", 2));
            s.executeUpdate(trace("tr-b", "s-1", "2026-03-01 10:05:00+00", "2026-03-02 09:00:00+00", "ERROR", 1));
            s.executeUpdate(trace("tr-c", null, "2026-03-01 11:00:00+00", "2026-03-02 09:00:02+00", "OK", 2));
            s.executeUpdate(span("tr-a", "root", null, null, 0, false));
            s.executeUpdate(span("tr-a", "tool", "root", null, 1, true));
            s.executeUpdate(span("tr-b", "loop", null, "loop", 0, false));
            s.executeUpdate(span("tr-c", "root", null, null, 0, false));
            s.executeUpdate(span("tr-c", "orphan", "never-exported", null, 1, false));
            s.executeUpdate("insert into assessment_record (trace_id, seq, assessment_id, name, kind, span_id,"
                    + " source_type, source_id, value_json, metadata_json, create_time, session_level, valid,"
                    + " raw_json) values ('tr-a', 0, 'a-1', 'correct', 'FEEDBACK', null, 'HUMAN', 'ann', 'true',"
                    + " '{}', timestamp with time zone '2026-03-01 12:00:00+00', false, true,"
                    + " '{\"assessment_id\":\"a-1\"}')");
            s.executeUpdate("insert into assessment_record (trace_id, seq, assessment_id, name, kind, span_id,"
                    + " source_type, source_id, error_code, error_message, metadata_json, session_level, valid,"
                    + " raw_json) values ('tr-a', 1, 'a-2', 'tool_ok', 'EXPECTATION', 'tool', 'LLM_JUDGE', 'judge',"
                    + " 'E1', 'judge failed', '{\"k\":\"v\"}', false, true, '{}')");
        }
    }

    private static String trace(String id, String session, String at, String importedAt, String state, int spans) {
        String key = session == null ? id : session;
        return "insert into trace_record (trace_id, experiment_id, session_id, session_key, request_time, duration_ms,"
                + " state, user_id, trace_name, client_request_id, request_preview, response_preview, metadata_json,"
                + " tags_json, span_count, error_span_count, input_tokens, output_tokens, total_tokens, content_hash,"
                + " imported_at) values ('" + id + "', 'exp-1', " + (session == null ? "null" : "'" + session + "'")
                + ", '" + key + "', timestamp with time zone '" + at + "', 1200, '" + state + "', 'u-1', 'chat', null,"
                + " 'Where is my order?', 'It ships today.', '{\"mlflow.trace.session\":\"s-1\"}', '{}', " + spans
                + ", 0, 10, 20, 30, 'hash-" + id + "', timestamp with time zone '" + importedAt + "')";
    }

    private static String span(String trace, String id, String parent, String cycleParent, int seq, boolean error) {
        return "insert into span_record (trace_id, span_id, parent_span_id, cycle_parent_span_id, seq, name, span_type,"
                + " start_ns, end_ns, status, status_message, has_error, attributes_json, events_json) values ('"
                + trace + "', '" + id + "', " + (parent == null ? "null" : "'" + parent + "'") + ", "
                + (cycleParent == null ? "null" : "'" + cycleParent + "'") + ", " + seq + ", 'step " + id
                + "', 'TOOL', " + (1_000 + seq) + ", " + (2_000 + seq) + ", '" + (error ? "ERROR" : "OK") + "', "
                + (error ? "'503'" : "null") + ", " + error + ", '{\"mlflow.spanInputs\":\"\\\"hi\\\"\"}',"
                + " '[{\"name\":\"exception\",\"timeUnixNano\":1500,\"attributes\":{}}]')";
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) row.append('|');
                    Object v = rs.getObject(i);
                    row.append(v instanceof java.time.OffsetDateTime t ? t.toInstant() : v);
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(PG_URL, "sessionlens", "sessionlens")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
