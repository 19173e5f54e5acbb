package io.sessionlens.trace.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The experiment_name table: an experiment's display name, as the analyst set it. */
@Repository
public class ExperimentNameRecords {
    private final JdbcClient jdbc;

    ExperimentNameRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(String experimentId) {
        return jdbc.sql("select name from experiment_name where experiment_id = :id").param("id", experimentId)
                .query(String.class).optional();
    }

    public Map<String, String> all() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select experiment_id, name from experiment_name order by experiment_id")
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** Sets the name; with {@code overrideAnalyst} false, a name the analyst set stays. */
    public void put(String experimentId, String name, String setBy, Instant at, boolean overrideAnalyst) {
        int n = jdbc.sql("update experiment_name set name = :name, set_by = :by, updated_at = :at"
                + " where experiment_id = :id" + (overrideAnalyst ? "" : " and set_by <> 'analyst'"))
                .param("name", name).param("by", setBy).param("at", Timestamp.from(at)).param("id", experimentId)
                .update();
        if (n == 0 && find(experimentId).isEmpty())
            jdbc.sql("insert into experiment_name (experiment_id, name, set_by, updated_at)"
                    + " values (:id, :name, :by, :at)").param("id", experimentId).param("name", name)
                    .param("by", setBy).param("at", Timestamp.from(at)).update();
    }

    public void remove(String experimentId) {
        jdbc.sql("delete from experiment_name where experiment_id = :id").param("id", experimentId).update();
    }
}
