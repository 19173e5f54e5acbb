package io.sessionlens.bench;

import io.sessionlens.Application;
import io.sessionlens.demodata.BenchExports;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.session.index.SessionAnalysisWorker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #14: SessionLens at team scale. Builds (or reuses) a database of {@code sessions} bulk sessions of
 * {@code turns} turns (default 100,000 × 10 = 1,000,000 traces) through the app's own import, file by file, printing
 * the import speed as the database grows; then times what an analyst does on the sessions list over the JSON API, with
 * the parameters varied so no cache answers, and the hand-written SQL of the same question beside it. Not a test
 * (surefire skips bench/). With the classpath of BENCHMARKS.md:
 * <pre>
 * java -Xmx4g -cp $CP io.sessionlens.bench.ScaleBench SESSIONS TURNS SPANS DATA_DIR [--postgres]
 * </pre>
 * The generator is seeded: the same arguments write the same database. A data dir that already holds the sessions is
 * reused (only the timings run); {@code --postgres} uses the local PostgreSQL of the {@code postgres} profile instead of
 * the H2 file in DATA_DIR. {@code -Dbench.import-only=true} stops after the import speeds.
 */
public final class ScaleBench {
    static final int PER_FILE = 1_000;
    static final int RUNS = 20;
    static final String PASSWORD = "bench-admin-password";

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int spans = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Path.of(args.length > 3 ? args[3] : "target/scale-bench").toAbsolutePath();
        boolean postgres = Arrays.asList(args).contains("--postgres");
        Files.createDirectories(dir);
        List<String> appArgs = new ArrayList<>(List.of("--sessionlens.data-dir=" + dir,
                "--sessionlens.demo-data=false", "--server.port=0", "--logging.level.root=WARN",
                "--sessionlens.admin-password=" + PASSWORD, "--sessionlens.storage.compact-check=PT24H"));
        if (postgres) appArgs.add("--spring.profiles.active=postgres");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
                .run(appArgs.toArray(String[]::new));
        DataSource db = ctx.getBean(DataSource.class);
        System.out.printf("%s, %d sessions x %d turns x %d spans; load average %.1f%n", postgres ? "PostgreSQL" : "H2",
                sessions, turns, spans, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        build(ctx, db, sessions, turns, spans, dir);
        if (Boolean.getBoolean("bench.import-only")) {   // -Dbench.import-only=true: the import speeds, no queries
            ctx.close();
            return;
        }
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        var api = new Api("http://localhost:" + port);
        time(api, db, sessions);
        System.out.printf("load average at the end %.1f%n", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        ctx.close();
    }

    /** Imports the files still missing, 1,000 sessions each, and prints spans per second as the database grows. */
    static void build(ConfigurableApplicationContext ctx, DataSource db, int sessions, int turns, int spans, Path dir)
            throws Exception {
        long have = count(db, "SELECT COUNT(*) FROM session_index");
        if (have >= sessions) {
            System.out.printf("reusing %d sessions in %s%n", have, dir);
            return;
        }
        ImportService imports = ctx.getBean(ImportService.class);
        SessionAnalysisWorker worker = ctx.getBean(SessionAnalysisWorker.class);
        var gen = new BenchExports(14, Instant.parse("2025-06-01T00:00:00Z"));
        System.out.println("file\tsessions before\ttraces\tspans\tseconds\tspans/s\tMB/s");
        for (int first = (int) (have / PER_FILE) * PER_FILE; first < sessions; first += PER_FILE) {
            int n = Math.min(PER_FILE, sessions - first);
            var bytes = new ByteArrayOutputStream();
            gen.writeBulkExport(bytes, first, n, turns, spans);
            long t0 = System.nanoTime();
            ImportReport r = imports.importFile("bulk-" + first + ".json",
                    new ByteArrayInputStream(bytes.toByteArray()));
            double s = (System.nanoTime() - t0) / 1e9;
            long spanCount = (long) r.tracesImported() * spans;
            System.out.printf("%d\t%d\t%d\t%d\t%.1f\t%.0f\t%.2f%n", first / PER_FILE, first, r.tracesImported(),
                    spanCount, s, spanCount / s, bytes.size() / 1e6 / s);
        }
        long t0 = System.nanoTime();
        worker.awaitIdle(Duration.ofHours(6));
        System.out.printf("analysis caught up %.0f s after the last file%n", (System.nanoTime() - t0) / 1e9);
    }

    static void time(Api api, DataSource db, int sessions) throws Exception {
        var rnd = new Random(1);
        int deep = Math.max(RUNS + 1, sessions * 7 / 8 / 50);   // a page near the end (offset 35,000 of 40,000)
        String[] words = {"refund", "invoice", "password", "delivery", "subscription"};
        LocalDate start = LocalDate.of(2025, 6, 1);
        long days = Math.max(1, sessions * 7L / 60 / 24);   // bulk sessions start 7 minutes apart
        System.out.println("query\tp50 ms\tp95 ms\thand SQL p50 ms");
        row(api, db, "list page 0 (default sort)", i -> "/api/sessions?page=0&size=50&x=" + i,
                i -> "SELECT session_key FROM session_index ORDER BY last_request_time DESC LIMIT 50");
        row(api, db, "list by user", i -> "/api/sessions?user=cust-" + (10_000 + rnd.nextInt(sessions)),
                i -> "SELECT session_key FROM session_index WHERE user_id = 'cust-" + (10_000 + rnd.nextInt(sessions))
                        + "' ORDER BY last_request_time DESC LIMIT 50");
        row(api, db, "deep page (" + deep * 50 + ")", i -> "/api/sessions?page=" + (deep - i) + "&size=50",
                i -> "SELECT session_key FROM session_index ORDER BY last_request_time DESC LIMIT 50 OFFSET "
                        + (deep - i) * 50);
        row(api, db, "q= common word", i -> "/api/sessions?q=" + words[Math.floorMod(i, words.length)],
                i -> "SELECT session_key FROM session_index WHERE search_text LIKE '%"
                        + words[Math.floorMod(i, words.length)]
                        + "%' ORDER BY last_request_time DESC LIMIT 50");
        row(api, db, "q= rare word (a customer id)", i -> "/api/sessions?q=cust-" + (10_000 + rnd.nextInt(sessions)),
                i -> "SELECT session_key FROM session_index WHERE search_text LIKE '%cust-"
                        + (10_000 + rnd.nextInt(sessions)) + "%' ORDER BY last_request_time DESC LIMIT 50");
        row(api, db, "q= session id prefix",
                i -> "/api/sessions?q="
                        + enc(String.format("bulk-session-%04d", rnd.nextInt(Math.max(1, sessions / 100)))),
                i -> "SELECT session_key FROM session_index WHERE session_key LIKE '"
                        + String.format("bulk-session-%04d", rnd.nextInt(Math.max(1, sessions / 100)))
                        + "%' ORDER BY last_request_time DESC LIMIT 50");
        row(api, db, "one week (from/to)", i -> {
            LocalDate from = start.plusDays(rnd.nextLong(days));
            return "/api/sessions?from=" + from + "&to=" + from.plusDays(7);
        }, i -> {
            LocalDate from = start.plusDays(rnd.nextLong(days));
            return "SELECT session_key FROM session_index WHERE first_request_time >= TIMESTAMP WITH TIME ZONE '"
                    + from.atStartOfDay().atOffset(ZoneOffset.UTC) + "' AND first_request_time < TIMESTAMP WITH TIME"
                    + " ZONE '" + from.plusDays(7).atStartOfDay().atOffset(ZoneOffset.UTC)
                    + "' ORDER BY last_request_time DESC LIMIT 50";
        });
        row(api, db, "state=ERROR", i -> "/api/sessions?state=ERROR&page=" + Math.floorMod(i, 5),
                i -> "SELECT session_key FROM session_index WHERE worst_state = 'ERROR' ORDER BY last_request_time DESC"
                        + " LIMIT 50 OFFSET " + Math.floorMod(i, 5) * 50);
        row(api, db, "a session with its experiment",
                i -> "/api/sessions/" + String.format("bulk-session-%06d", rnd.nextInt(sessions)) + "?experimentId="
                        + experiment(db),
                i -> "SELECT analysis_json FROM session_index WHERE session_key = '"
                        + String.format("bulk-session-%06d", rnd.nextInt(sessions)) + "'");
        row(api, db, "a session without its experiment",
                i -> "/api/sessions/" + String.format("bulk-session-%06d", rnd.nextInt(sessions)),
                i -> "SELECT DISTINCT experiment_id FROM trace_record WHERE session_key = '"
                        + String.format("bulk-session-%06d", rnd.nextInt(sessions)) + "'");
    }

    private static String experimentId;

    private static String experiment(DataSource db) {
        if (experimentId == null) {
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MIN(experiment_id) FROM session_index")) {
                rs.next();
                experimentId = rs.getString(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return experimentId;
    }

    static void row(Api api, DataSource db, String name, IntFunction<String> path, IntFunction<String> sql)
            throws Exception {
        api.get(path.apply(-1));   // warm-up
        long[] ms = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            int status = api.get(path.apply(i));
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            if (status != 200) throw new IllegalStateException(name + ": HTTP " + status + " for " + path.apply(i));
        }
        long[] hand = new long[Math.min(RUNS, 10)];
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < hand.length; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery(sql.apply(i))) {
                    while (rs.next()) rs.getString(1);
                }
                hand[i] = (System.nanoTime() - t0) / 1_000_000;
            }
        }
        Arrays.sort(ms);
        Arrays.sort(hand);
        System.out.printf("%s\t%d\t%d\t%d%n", name, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1],
                hand[hand.length / 2]);
    }

    static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The JSON API with a personal token (a password would cost a BCrypt check per request). */
    static final class Api {
        final String base;
        final HttpClient http = HttpClient.newHttpClient();
        final String token;

        Api(String base) throws Exception {
            this.base = base;
            String basic = "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            var created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"scale-bench\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            this.token = created.body().replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        }

        int get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
