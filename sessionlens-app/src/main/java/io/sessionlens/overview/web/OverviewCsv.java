package io.sessionlens.overview.web;

import io.sessionlens.overview.DayFigures;
import io.sessionlens.overview.Figures;
import io.sessionlens.overview.Overview;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The overview's figures as CSV, one figure a line: {@code section, name, period, previous} (the period and the one
 * before it), then one line per day and figure. Judge names come from traces: a cell a spreadsheet would run as a
 * formula gets a leading apostrophe.
 */
final class OverviewCsv {
    static final List<String> COLUMNS = List.of("section", "name", "period", "previous");
    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
            .build().withHeader();

    private OverviewCsv() {}

    static void write(Overview o, OutputStream out) {
        Figures c = o.current(), p = o.previous();
        List<Object[]> rows = new ArrayList<>();
        rows.add(row("period", "from", c.from(), p.from()));
        rows.add(row("period", "to", c.to(), p.to()));
        rows.add(row("kpi", "sessions", c.sessions(), p.sessions()));
        rows.add(row("kpi", "with_root_cause", c.withRootCause(), p.withRootCause()));
        rows.add(row("kpi", "root_cause_rate", c.rootCauseRate(), p.rootCauseRate()));
        rows.add(row("kpi", "error_turns", c.errorTurns(), p.errorTurns()));
        rows.add(row("kpi", "sessions_with_errors", c.sessionsWithErrors(), p.sessionsWithErrors()));
        rows.add(row("kpi", "turns", c.turns(), p.turns()));
        rows.add(row("kpi", "tokens", c.tokens(), p.tokens()));
        rows.add(row("kpi", "latency_median_ms_approx", c.latency().medianMs(), p.latency().medianMs()));
        rows.add(row("kpi", "latency_p95_ms_approx", c.latency().p95Ms(), p.latency().p95Ms()));
        rows.add(row("kpi", "human_verdicts", c.humanVerdicts(), p.humanVerdicts()));
        rows.add(row("kpi", "agreement_rate", c.agreement().rate(), p.agreement().rate()));
        rows.add(row("kpi", "turn_agreement_rate", c.agreement().turnRate(), p.agreement().turnRate()));
        for (String k : keys(c.byKind(), p.byKind()))
            rows.add(row("root_cause_kind", k, c.byKind().getOrDefault(k, 0L), p.byKind().getOrDefault(k, 0L)));
        for (String j : keys(c.judges(), p.judges())) {
            rows.add(row("judge_evaluated", j, judge(c, j, Figures.JudgeFigures::evaluated),
                    judge(p, j, Figures.JudgeFigures::evaluated)));
            rows.add(row("judge_failing", j, judge(c, j, Figures.JudgeFigures::failing),
                    judge(p, j, Figures.JudgeFigures::failing)));
            rows.add(row("judge_human_disagreeing", j, judge(c, j, Figures.JudgeFigures::disagreeing),
                    judge(p, j, Figures.JudgeFigures::disagreeing)));
        }
        for (String k : keys(c.agreement().byKind(), p.agreement().byKind())) {
            var ck = c.agreement().byKind().get(k);
            var pk = p.agreement().byKind().get(k);
            rows.add(row("agreement_rate_by_automatic_kind", k, ck == null ? null : ck.rate(),
                    pk == null ? null : pk.rate()));
        }
        for (var t : new TreeSet<>(c.rootCauseTurns().keySet()))
            rows.add(row("root_cause_turn", t.toString(), c.rootCauseTurns().get(t),
                    p.rootCauseTurns().getOrDefault(t, 0L)));
        for (DayFigures d : o.days()) {
            String day = d.day().toString();
            rows.add(row("day_sessions", day, d.sessions(), null));
            rows.add(row("day_with_root_cause", day, d.withRootCause(), null));
            rows.add(row("day_error_turns", day, d.errorTurns(), null));
            rows.add(row("day_tokens", day, d.tokens(), null));
            rows.add(row("day_latency_median_ms_approx", day, d.latency().medianMs(), null));
            rows.add(row("day_latency_p95_ms_approx", day, d.latency().p95Ms(), null));
        }
        try (SequenceWriter w = CSV.writer(SCHEMA).writeValues(out)) {
            for (Object[] r : rows) w.write(r);
        }
    }

    private static @Nullable Long judge(Figures f, String name, Function<Figures.JudgeFigures, Long> field) {
        var j = f.judges().get(name);
        return j == null ? null : field.apply(j);
    }

    private static TreeSet<String> keys(Map<String, ?> a, Map<String, ?> b) {
        var keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static Object[] row(String section, String name, @Nullable Object period, @Nullable Object previous) {
        return new Object[]{section, cell(name), period == null ? "" : period.toString(),
                previous == null ? "" : previous.toString()};
    }

    static String cell(String s) {
        if (s.isEmpty()) return "";
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
