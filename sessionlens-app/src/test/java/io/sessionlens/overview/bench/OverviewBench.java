package io.sessionlens.overview.bench;

import io.sessionlens.Application;
import io.sessionlens.analysis.SessionAnalyzer;
import io.sessionlens.overview.Metrics;
import io.sessionlens.overview.OverviewPeriod;
import io.sessionlens.overview.OverviewService;
import io.sessionlens.overview.persistence.RollupStore;
import io.sessionlens.session.SessionDaysChanged;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test (surefire skips bench/): the overview on 100,000 sessions. Starts the app on a fresh H2 file database,
 * writes the sessions' index rows (5 experiments over a year, seeded: root causes, session-level judges, 2 % reviewed)
 * and three turns each straight into the tables in bulk, rebuilds the rollups from scratch (what a first start after the
 * upgrade does), then times the overview: the service, and {@code GET /api/overview} over HTTP.
 * <pre>
 * java -cp $CP io.sessionlens.overview.bench.OverviewBench [sessions]
 * </pre>
 */
public final class OverviewBench {
    private static final int RUNS = 20;
    private static final String PASSWORD = "bench-admin-password";
    private static final List<String> KINDS = List.of("tool_error", "outdated_retrieval", "hallucination",
            "context_loss", "other");
    private static final List<String> JUDGES = List.of("user_frustration", "conversation_completeness",
            "knowledge_retention");

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dataDir = Files.createTempDirectory("sl-overview-bench");
        System.out.println("load average at start: " + loadAverage());
        try (ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run(
                "--sessionlens.data-dir=" + dataDir, "--sessionlens.demo-data=false", "--server.port=0",
                "--sessionlens.admin-password=" + PASSWORD, "--vaadin.devmode.devTools.enabled=false")) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            long t0 = System.nanoTime();
            write(jdbc, sessions, today);
            System.out.printf("wrote %,d sessions (%,d turns) in %,d ms%n", sessions, sessions * 3L,
                    (System.nanoTime() - t0) / 1_000_000);

            RollupStore store = ctx.getBean(RollupStore.class);
            t0 = System.nanoTime();
            store.rebuildAll(Metrics.VERSION);
            System.out.printf("rollups rebuilt from the whole index in %,d ms (%,d rollup rows)%n",
                    (System.nanoTime() - t0) / 1_000_000,
                    jdbc.queryForObject("SELECT COUNT(*) FROM overview_rollup", Long.class));

            var day = new SessionDaysChanged.Day("exp-1", today.minusDays(10));
            long[] one = time(() -> {
                store.recompute(Set.of(day));
                return null;
            });
            System.out.printf(
                    "one day of one experiment recomputed (a verdict, an analysis): median %d ms, max %d ms%n",
                    one[RUNS / 2], one[RUNS - 1]);

            OverviewService overview = ctx.getBean(OverviewService.class);
            report("service, all experiments, all time", time(() -> overview.overview(OverviewPeriod.preset(null,
                    OverviewPeriod.Preset.ALL))));
            report("service, one experiment, last 30 days", time(() -> overview.overview(OverviewPeriod.preset(
                    "exp-1", OverviewPeriod.Preset.LAST_30_DAYS))));
            report("service, all experiments, last 365 days", time(() -> overview.overview(OverviewPeriod.parse(null,
                    null, today.minusDays(364).toString(), today.toString()).period())));

            String base = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
            var http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(
                    StandardCharsets.UTF_8));
            // the first: an empty day, so the request's own cost (HTTP, the BCrypt check of Basic auth) stands alone
            for (String q : List.of("from=2000-01-01&to=2000-01-01", "period=all", "experimentId=exp-1&period=30d")) {
                var req = HttpRequest.newBuilder(URI.create(base + "/api/overview?" + q)).header("Authorization", auth)
                        .build();
                long[] ms = time(() -> {
                    try {
                        var r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
                        return r.body();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                report("GET /api/overview?" + q + " (HTTP, Basic auth)", ms);
            }
            var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/overview?period=all")).header(
                    "Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            System.out.println("answer starts: " + body.substring(0, Math.min(160, body.length())));
        }
        System.out.println("load average at end: " + loadAverage());
    }

    private static void write(JdbcTemplate jdbc, int sessions, LocalDate today) {
        var rnd = new Random(13);
        Instant start = today.minusDays(364).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Object[]> index = new ArrayList<>(), traces = new ArrayList<>(), human = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String exp = "exp-" + (i % 5 + 1), key = "s-" + i;
            Instant first = start.plusSeconds((long) (rnd.nextDouble() * 365 * 86_400));
            int turns = 3;
            boolean rootCause = rnd.nextDouble() < 0.3;
            Integer rcTurn = rootCause ? 1 + rnd.nextInt(turns) : null;
            String kind = rootCause ? KINDS.get(rnd.nextInt(KINDS.size())) : null;
            StringBuilder judges = new StringBuilder("[");
            for (int j = 0; j < JUDGES.size(); j++) {
                boolean fail = rnd.nextDouble() < (rootCause ? 0.6 : 0.1);
                if (j > 0) judges.append(',');
                judges.append("{\"name\":\"").append(JUDGES.get(j)).append("\",\"value\":\"")
                        .append(fail ? "yes" : "no").append("\",\"verdict\":\"").append(fail ? "FAIL" : "PASS")
                        .append("\"}");
            }
            judges.append(']');
            boolean reviewed = rnd.nextDouble() < 0.02;
            long tokens = 0, duration = 0;
            for (int t = 1; t <= turns; t++) {
                long ms = (long) Math.exp(6.5 + rnd.nextGaussian() * 0.8);
                long tok = 200 + rnd.nextInt(1500);
                tokens += tok;
                duration += ms;
                traces.add(new Object[]{-1L - 1_000L * i - t, // a key of its own (V37; fewer than 1,000 turns)
                        "tr-" + i + "-" + t, exp, key, key, ts(first.plusSeconds(60L * t)), ms, tok});
            }
            Integer humanTurn = rcTurn, autoTurn = rcTurn;
            String humanKind = kind;
            if (reviewed && rnd.nextDouble() < 0.25) {   // a quarter of the reviews disagree
                humanTurn = rcTurn == null ? 1 : null;
                humanKind = humanTurn == null ? null : "other";
            }
            index.add(new Object[]{exp, key, key, turns, ts(first), ts(first.plusSeconds(60L * turns)), "OK",
                    rnd.nextDouble() < 0.05 ? 1 : 0, tokens, duration, reviewed ? humanTurn : rcTurn,
                    reviewed ? humanKind : kind, judges.toString(), ts(first), SessionAnalyzer.VERSION,
                    reviewed ? "human" : null});
            if (reviewed)
                human.add(new Object[]{exp, key, humanTurn, humanKind, "bench", ts(first.plus(1, ChronoUnit.DAYS)),
                        autoTurn, kind});
            if (index.size() == 5_000 || i == sessions - 1) {
                flush(jdbc, index, traces, human);
            }
        }
    }

    private static void flush(JdbcTemplate jdbc, List<Object[]> index, List<Object[]> traces, List<Object[]> human) {
        jdbc.batchUpdate("""
                INSERT INTO session_index (experiment_id, session_key, session_id, turn_count, first_request_time,
                  last_request_time, worst_state, error_turns, input_tokens, output_tokens, total_tokens,
                  total_duration_ms, root_cause_turn, root_cause_kind, session_judges, updated_at, analysis_version,
                  verdict_source, analysis_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, '{}')""", index);
        jdbc.batchUpdate(
                """
                        INSERT INTO trace_record (trace_pk, trace_id, experiment_id, session_id, session_key, request_time, duration_ms,
                          state, metadata_json, tags_json, span_count, error_span_count, input_tokens, output_tokens,
                          total_tokens, content_hash, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'OK', '{}', '{}', 0, 0, 0, 0, ?, 'bench', CURRENT_TIMESTAMP)""",
                traces);
        if (!human.isEmpty())
            jdbc.batchUpdate("""
                    INSERT INTO human_verdict (experiment_id, session_key, root_cause_turn, root_cause_kind, reviewer,
                      decided_at, auto_turn, auto_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", human);
        index.clear();
        traces.clear();
        human.clear();
    }

    private static OffsetDateTime ts(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static long[] time(Supplier<?> run) {
        run.get();   // warm-up
        long[] ms = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, long[] ms) {
        System.out.printf("%s: median %d ms, min %d, max %d (%d runs)%n", what, ms[RUNS / 2], ms[0], ms[RUNS - 1],
                RUNS);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
