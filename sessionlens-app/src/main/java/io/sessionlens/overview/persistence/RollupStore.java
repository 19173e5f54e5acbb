package io.sessionlens.overview.persistence;

import io.sessionlens.overview.persistence.RollupCalculator.SessionFacts;
import io.sessionlens.session.SessionDaysChanged.Day;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-day rollups: computed from the session index (and the turns' latencies in the trace records) with plain SQL,
 * read summed over days. The overview is a read model over the session feature's tables, so it reads them directly
 * rather than through entities it would have to share (decision record 033).
 */
@Repository
@Transactional
public class RollupStore {
    static final int METRIC_MAX = 700;
    private static final int BATCH = 1000;
    private static final String SESSIONS = """
            SELECT si.experiment_id, si.first_request_time, si.turn_count, si.total_tokens, si.error_turns,
                   si.root_cause_turn, si.root_cause_kind, si.verdict_source, si.session_judges,
                   hv.auto_turn, hv.auto_kind
            FROM session_index si
            LEFT JOIN human_verdict hv ON hv.experiment_id = si.experiment_id AND hv.session_key = si.session_key
            """;
    private static final String LATENCIES = """
            SELECT si.experiment_id, si.first_request_time, tr.duration_ms
            FROM session_index si
            JOIN trace_record tr ON tr.experiment_id = si.experiment_id AND tr.session_key = si.session_key
            WHERE tr.duration_ms IS NOT NULL
            """;
    private static final String ONE_DAY = " si.experiment_id = ? AND si.first_request_time >= ?"
            + " AND si.first_request_time < ?";

    /** One figure of one day, summed over the experiments asked for. */
    public record Row(LocalDate day, String metric, long n) {}

    /** A session a reviewer gave a verdict on, with the automatic verdict at the time and the session's judges. */
    public record Reviewed(String experimentId, String sessionKey, Instant firstRequest, @Nullable Integer turn,
            @Nullable String kind, @Nullable Integer autoTurn, @Nullable String autoKind, String reviewer,
            Instant decidedAt, @Nullable String sessionJudges) {}

    private final JdbcTemplate jdbc;

    RollupStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public int version() {
        List<Integer> v = jdbc.queryForList("SELECT version FROM overview_rollup_state WHERE id = 1", Integer.class);
        return v.isEmpty() ? 0 : v.getFirst();
    }

    /** Every rollup computed again from the whole index, then the version recorded: one transaction. */
    public void rebuildAll(int version) {
        var calc = new RollupCalculator();
        jdbc.query(SESSIONS, (ResultSet rs) -> {
            calc.add(facts(rs));
        });
        jdbc.query(LATENCIES, (ResultSet rs) -> {
            calc.addLatency(Day.of(rs.getString(1), instant(rs, 2)), rs.getLong(3));
        });
        jdbc.update("DELETE FROM overview_rollup");
        insert(calc.figures());
        jdbc.update("DELETE FROM overview_rollup_state");
        jdbc.update("INSERT INTO overview_rollup_state (id, version) VALUES (1, ?)", version);
    }

    /** These days' rollups computed again from the index rows of the sessions that started on them. */
    public void recompute(Collection<Day> days) {
        var calc = new RollupCalculator();
        for (Day d : days) {
            Object[] args = {d.experimentId(), start(d.day()), start(d.day().plusDays(1))};
            jdbc.query(SESSIONS + " WHERE" + ONE_DAY, (ResultSet rs) -> {
                calc.add(facts(rs));
            }, args);
            jdbc.query(LATENCIES + " AND" + ONE_DAY, (ResultSet rs) -> {
                calc.addLatency(d, rs.getLong(3));
            }, args);
            jdbc.update("DELETE FROM overview_rollup WHERE experiment_id = ? AND rollup_day = ?", d.experimentId(),
                    Date.valueOf(d.day()));
        }
        insert(calc.figures());
    }

    /** The figures of the days in {@code [from, to)}, of one experiment or (null) all of them summed. */
    @Transactional(readOnly = true)
    public List<Row> read(@Nullable String experimentId, LocalDate from, LocalDate to) {
        String sql = "SELECT rollup_day, metric, SUM(n) FROM overview_rollup WHERE rollup_day >= ? AND rollup_day < ?"
                + (experimentId == null ? "" : " AND experiment_id = ?") + " GROUP BY rollup_day, metric";
        Object[] args = experimentId == null
                ? new Object[]{Date.valueOf(from), Date.valueOf(to)}
                : new Object[]{Date.valueOf(from), Date.valueOf(to), experimentId};
        return jdbc.query(sql, (rs, i) -> new Row(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3)), args);
    }

    /** The first day with a session, of one experiment or all; null without any. */
    @Transactional(readOnly = true)
    public @Nullable LocalDate firstDay(@Nullable String experimentId) {
        String sql = "SELECT MIN(rollup_day) FROM overview_rollup"
                + (experimentId == null ? "" : " WHERE experiment_id = ?");
        Date d = experimentId == null
                ? jdbc.queryForObject(sql, Date.class)
                : jdbc.queryForObject(sql, Date.class, experimentId);
        return d == null ? null : d.toLocalDate();
    }

    @Transactional(readOnly = true)
    public List<String> experiments() {
        return jdbc.queryForList("SELECT DISTINCT experiment_id FROM overview_rollup ORDER BY experiment_id",
                String.class);
    }

    /** The newest human verdicts (at most {@code limit}) on sessions that started in {@code [from, to)}. */
    @Transactional(readOnly = true)
    public List<Reviewed> reviewed(@Nullable String experimentId, Instant from, Instant to, int limit) {
        String sql = """
                SELECT si.experiment_id, si.session_key, si.first_request_time, si.root_cause_turn, si.root_cause_kind,
                       hv.auto_turn, hv.auto_kind, hv.reviewer, hv.decided_at, si.session_judges
                FROM human_verdict hv
                JOIN session_index si ON si.experiment_id = hv.experiment_id AND si.session_key = hv.session_key
                WHERE si.verdict_source = 'human' AND si.first_request_time >= ? AND si.first_request_time < ?
                """ + (experimentId == null ? "" : " AND si.experiment_id = ?") + " ORDER BY hv.decided_at DESC";
        List<Object> args = new ArrayList<>(List.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(to, ZoneOffset.UTC)));
        if (experimentId != null) args.add(experimentId);
        List<Reviewed> out = new ArrayList<>();
        jdbc.query(sql, (ResultSet rs) -> {
            if (out.size() >= limit) return;
            out.add(new Reviewed(rs.getString(1), rs.getString(2), instant(rs, 3), integer(rs, 4), rs.getString(5),
                    integer(rs, 6), rs.getString(7), rs.getString(8), instant(rs, 9), rs.getString(10)));
        }, args.toArray());
        return out;
    }

    private void insert(Map<Day, Map<String, Long>> figures) {
        List<Object[]> batch = new ArrayList<>();
        figures.forEach((day, metrics) -> metrics.forEach((metric, n) -> {
            String m = metric.length() <= METRIC_MAX ? metric : metric.substring(0, METRIC_MAX);
            batch.add(new Object[]{day.experimentId(), Date.valueOf(day.day()), m, n});
        }));
        // a clipped judge name could meet another one: merge them before the primary key does
        Map<String, Object[]> unique = new java.util.LinkedHashMap<>();
        for (Object[] r : batch) {
            String key = r[0] + "\u0000" + r[1] + "\u0000" + r[2];
            unique.merge(key, r, (a, b) -> new Object[]{a[0], a[1], a[2], (Long) a[3] + (Long) b[3]});
        }
        List<Object[]> rows = new ArrayList<>(unique.values());
        for (int i = 0; i < rows.size(); i += BATCH)
            jdbc.batchUpdate("INSERT INTO overview_rollup (experiment_id, rollup_day, metric, n) VALUES (?, ?, ?, ?)",
                    rows.subList(i, Math.min(rows.size(), i + BATCH)));
    }

    private static SessionFacts facts(ResultSet rs) throws SQLException {
        return new SessionFacts(rs.getString(1), instant(rs, 2), rs.getInt(3), rs.getLong(4), rs.getInt(5),
                integer(rs, 6), rs.getString(7), "human".equals(rs.getString(8)), integer(rs, 10), rs.getString(11),
                rs.getString(9));
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
