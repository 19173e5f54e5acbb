package io.sessionlens.importer.persistence;

import io.sessionlens.trace.json.SharedJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * The import history in SQL: one row per import request and one link per trace it delivered. Always called inside the
 * transaction of {@code ImportHistory}. Which of an import's traces are still stored is read by joining
 * {@code trace_record} by id: a read of ids only, where asking the trace feature for every id of a 100,000-trace import
 * would cost a round trip per chunk.
 */
@Repository
public class ImportRecords {
    private static final int LINK_BATCH = 500;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportRecords(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One row as stored; {@code stillStored}: how many of the traces it delivered are stored today. */
    public record Row(long id, Instant startedAt, @Nullable Instant finishedAt, List<String> files, int read,
            int imported, int updated, int unchanged, int rejected, int sessions, int stillStored) {}

    public long insert(Instant startedAt, List<String> files) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into import_record (started_at, files_json, file_count) values (:at, :files, :count)")
                .param("at", Timestamp.from(startedAt)).param("files", SharedJson.MAPPER.writeValueAsString(files))
                .param("count", files.size()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void link(long importId, Collection<String> traceIds) {
        List<String> ids = List.copyOf(traceIds);
        for (int from = 0; from < ids.size(); from += LINK_BATCH) {
            List<Object[]> args = ids.subList(from, Math.min(ids.size(), from + LINK_BATCH)).stream()
                    .map(id -> new Object[]{importId, id}).toList();
            template.batchUpdate("insert into import_trace (import_id, trace_id) values (?, ?)", args);
        }
    }

    public void finish(long id, Instant at, int read, int imported, int updated, int unchanged, int rejected,
            int sessions) {
        jdbc.sql("update import_record set finished_at = :at, traces_read = :read, traces_imported = :imported,"
                + " traces_updated = :updated, traces_unchanged = :unchanged, traces_rejected = :rejected,"
                + " session_count = :sessions where id = :id")
                .param("at", Timestamp.from(at)).param("read", read).param("imported", imported)
                .param("updated", updated).param("unchanged", unchanged).param("rejected", rejected)
                .param("sessions", sessions).param("id", id).update();
    }

    private static final String SELECT = "select r.*, (select count(*) from import_trace l join trace_record t"
            + " on t.trace_id = l.trace_id where l.import_id = r.id) as still_stored from import_record r";

    public List<Row> newestFirst(int limit) {
        return jdbc.sql(SELECT + " order by r.started_at desc, r.id desc limit :limit").param("limit", limit)
                .query(ImportRecords::row).list();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(ImportRecords::row).optional();
    }

    private static final String ONLY_THIS_IMPORT = " from import_trace l join trace_record t on t.trace_id = l.trace_id"
            + " where l.import_id = :id and not exists (select 1 from import_trace o"
            + " where o.trace_id = l.trace_id and o.import_id <> :id)";

    /** The stored traces that this import delivered and no other import did: what deleting it removes. */
    public List<String> tracesOnlyIn(long id) {
        return jdbc.sql("select l.trace_id" + ONLY_THIS_IMPORT).param("id", id).query(String.class).list();
    }

    /** How many sessions {@link #tracesOnlyIn} belong to. */
    public int sessionsOnlyIn(long id) {
        return jdbc.sql("select count(*) from (select distinct t.experiment_id, t.session_key" + ONLY_THIS_IMPORT
                + ") s").param("id", id).query(Integer.class).single();
    }

    public void delete(long id) {
        jdbc.sql("delete from import_record where id = :id").param("id", id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Row(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                SharedJson.MAPPER.readValue(rs.getString("files_json"), new TypeReference<List<String>>() {}),
                rs.getInt("traces_read"), rs.getInt("traces_imported"), rs.getInt("traces_updated"),
                rs.getInt("traces_unchanged"), rs.getInt("traces_rejected"), rs.getInt("session_count"),
                rs.getInt("still_stored"));
    }
}
