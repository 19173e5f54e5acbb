package io.sessionlens.session.web;

import io.sessionlens.session.SessionRow;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The filtered sessions list as a file: CSV (Jackson's CSV module: quoting, a header row) or JSON (an array of the same
 * records). Decision record 016.
 */
final class SessionExport {
    /** One session as exported: flat, named as the columns are. */
    record Line(String sessionId, String experimentId, String user, int turns, String started, String lastActivity,
            String verdict, @Nullable String rootCauseKind, @Nullable Integer rootCauseTurn, String failingJudges,
            String mlflowState, int errorTurns, String firstInput) {

        static Line of(SessionRow r) {
            return new Line(r.sessionId(), r.experimentId(), r.user(), r.turnCount(), r.firstRequestTime().toString(),
                    r.lastRequestTime().toString(), r.verdict().wire(), r.rootCauseKind(), r.rootCauseTurn(),
                    String.join("; ", r.failingJudges()), r.state(), r.errorTurns(), r.firstInput());
        }

        /** The CSV cells, each text one guarded against formula injection. */
        Object[] cells() {
            return new Object[]{cell(sessionId), cell(experimentId), cell(user), turns, started, lastActivity, verdict,
                    rootCauseKind == null ? "" : rootCauseKind, rootCauseTurn == null ? "" : rootCauseTurn,
                    cell(failingJudges), cell(mlflowState), errorTurns, cell(firstInput)};
        }
    }

    static final List<String> COLUMNS = List.of("session_id", "experiment_id", "user", "turns", "started",
            "last_activity", "verdict", "root_cause_kind", "root_cause_turn", "failing_judges", "mlflow_state",
            "error_turns", "first_input");

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
            .build().withHeader();

    private SessionExport() {}

    /**
     * Trace text is untrusted, and a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return that
     * hides one) as a formula: such a cell gets a leading apostrophe, which spreadsheets show as plain text (OWASP's
     * advice for CSV injection).
     */
    static String cell(@Nullable String s) {
        if (s == null || s.isEmpty()) return "";
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    interface Rows {
        void forEach(java.util.function.Consumer<SessionRow> each);
    }

    static void csv(Rows rows, OutputStream out) {
        try (SequenceWriter w = CSV.writer(SCHEMA).writeValues(out)) {
            rows.forEach(r -> w.write(Line.of(r).cells()));
        }
    }

    static void json(Rows rows, JsonMapper json, OutputStream out) {
        try (SequenceWriter w = json.writer().writeValuesAsArray(out)) {
            rows.forEach(r -> w.write(Line.of(r)));
        }
    }
}
