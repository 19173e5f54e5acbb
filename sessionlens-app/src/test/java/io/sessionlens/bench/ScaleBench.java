package io.sessionlens.bench;

import io.sessionlens.Application;
import io.sessionlens.demodata.BenchExports;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.session.SessionService;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.session.search.SessionSearchIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #14: SessionLens at team scale. Builds (or reuses) a database of {@code sessions} bulk sessions of
 * {@code turns} turns (default 100,000 × 10 = 1,000,000 traces) through the app's own import, file by file, printing
 * the import speed as the database grows; then times every question the Sessions page asks over the JSON API
 * ({@link ListTimings}) and a search typed into the Sessions page in real Chromium ({@link TypedSearchBench}). Not a
 * test (surefire skips bench/). From the repository root, with the classpath of BENCHMARKS.md:
 *
 * <pre>
 * java -Xmx4g -cp $CP io.sessionlens.bench.ScaleBench SESSIONS TURNS SPANS DATA_DIR [options]
 *   --postgres        the local PostgreSQL of the postgres profile (database/user/password sessionlens), in a schema
 *                     of its own per size (scale_SESSIONS_TURNS_SPANS); -Dsessionlens.bench.pg-url=jdbc:… overrides
 *   --build-only      import what is missing, then stop (no timings); so does -Dbench.import-only=true
 *   -Dbench.no-analysis-wait=true  time without waiting for the background analysis (stopped; the sessions it has
 *                     not reached are searched by their previews)
 *   -Dbench.no-hand-sql=true  skip the hand-SQL ceilings (a re-run on a database whose ceilings were printed)
 *   --no-api          skip the JSON API timings
 *   --no-browser      skip the typed search in Chromium
 *   --runs=N          requests per API query (default 20)
 *   --budget=S        stop a query after S seconds once it has had 5 runs (default 20): keeps a slow baseline short
 *   --only=REGEX      time only the API queries whose name matches
 *   --typing-runs=N   searches typed on the page (default 10)
 *   --cursor-param=P  the list's keyset cursor parameter, when it is not named like the answer's cursor field
 * </pre>
 *
 * The generator is seeded: the same arguments write the same database. A data dir (or PostgreSQL schema) that already
 * holds the sessions is reused as it is: only the timings run, so a database built once serves every later code
 * version (its migrations apply when the app opens it).
 */
public final class ScaleBench {
    static final int PER_FILE = 1_000;
    static final String PASSWORD = "bench-admin-password";

    /** What the command line asked for. */
    record Options(int sessions, int turns, int spans, Path dir, boolean postgres, boolean buildOnly, boolean api,
            boolean browser, int runs, int budgetSeconds, String only, int typingRuns, @Nullable String cursorParam) {
        static Options parse(String[] args) {
            List<String> positional = new ArrayList<>();
            boolean postgres = false, api = true, browser = true;
            boolean buildOnly = Boolean.getBoolean("bench.import-only");   // -Dbench.import-only=true, as --build-only
            int runs = 20, budget = 20, typingRuns = 10;
            String only = ".*", cursorParam = null;
            for (String a : args) {
                if (a.equals("--postgres")) postgres = true;
                else if (a.equals("--build-only")) buildOnly = true;
                else if (a.equals("--no-api")) api = false;
                else if (a.equals("--no-browser")) browser = false;
                else if (a.startsWith("--runs=")) runs = Integer.parseInt(a.substring(7));
                else if (a.startsWith("--budget=")) budget = Integer.parseInt(a.substring(9));
                else if (a.startsWith("--only=")) only = a.substring(7);
                else if (a.startsWith("--typing-runs=")) typingRuns = Integer.parseInt(a.substring(14));
                else if (a.startsWith("--cursor-param=")) cursorParam = a.substring(15);
                else if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a);
                else
                    positional.add(a);
            }
            int sessions = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 100_000;
            int turns = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 10;
            int spans = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 3;
            Path dir = Path.of(positional.size() > 3 ? positional.get(3) : "target/scale-bench").toAbsolutePath();
            return new Options(sessions, turns, spans, dir, postgres, buildOnly, api, browser, Math.max(1, runs),
                    budget, only, Math.max(1, typingRuns), cursorParam);
        }

        String schema() {
            return "scale_" + sessions + "_" + turns + "_" + spans;
        }
    }

    public static void main(String[] args) {
        try {
            run(Options.parse(args));
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Options o) throws Exception {
        Files.createDirectories(o.dir());
        List<String> appArgs = new ArrayList<>(List.of("--sessionlens.data-dir=" + o.dir(),
                "--sessionlens.demo-data=false", "--server.port=0", "--logging.level.root=WARN",
                "--logging.level.org.flywaydb=ERROR",
                "--sessionlens.admin-password=" + PASSWORD, "--sessionlens.storage.compact-check=PT24H",
                "--vaadin.devmode.devTools.enabled=false"));
        if (o.postgres()) {
            String url = System.getProperty("sessionlens.bench.pg-url", "jdbc:postgresql://localhost:5432/sessionlens");
            createSchema(url, o.schema());
            appArgs.addAll(List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + url + "?currentSchema=" + o.schema(),
                    "--spring.flyway.default-schema=" + o.schema()));
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
                .run(appArgs.toArray(String[]::new));
        DataSource db = ctx.getBean(DataSource.class);
        System.out.printf("%s, %d sessions x %d turns x %d spans, %s; load average %.1f; %s%n",
                o.postgres() ? "PostgreSQL" : "H2", o.sessions(), o.turns(), o.spans(),
                o.postgres() ? "schema " + o.schema() : o.dir(), loadAverage(), Instant.now());

        build(ctx, db, o.sessions(), o.turns(), o.spans());
        try {
            awaitSearchIndex(ctx);
        } catch (NoClassDefFoundError olderCode) {
            System.out.println("no search index in this code: the list answers from SQL");
        }
        if (!o.buildOnly()) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            String base = "http://localhost:" + port;
            if (o.api()) new ListTimings(new ListTimings.Api(base, PASSWORD), db, o).run();
            if (o.browser()) new TypedSearchBench(base, PASSWORD, new ListTimings.Api(base, PASSWORD), o).run();
        }
        ctx.close();
    }

    /** The profile's database, a schema of its own for this size: a second run finds it and reuses it. */
    static void createSchema(String url, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, System.getProperty("sessionlens.bench.pg-user",
                "sessionlens"), System.getProperty("sessionlens.bench.pg-password", "sessionlens"));
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
    }

    /** Imports the files still missing, 1,000 sessions each, and prints spans per second as the database grows. */
    static void build(ConfigurableApplicationContext ctx, DataSource db, int sessions, int turns, int spans)
            throws Exception {
        long have = count(db, "SELECT COUNT(*) FROM session_index");
        SessionAnalysisWorker worker = ctx.getBean(SessionAnalysisWorker.class);
        if (have >= sessions) {
            // Newer code may analyse the stored sessions again (a new analyser version): time only a quiet database.
            long t0 = System.nanoTime();
            awaitAnalysis(ctx.getBean(SessionService.class), worker);
            System.out.printf("reusing %d sessions (the background analysis was idle after %.0f s)%n", have,
                    (System.nanoTime() - t0) / 1e9);
            return;
        }
        ImportService imports = ctx.getBean(ImportService.class);
        var gen = new BenchExports(14, Instant.parse("2025-06-01T00:00:00Z"));
        System.out.println("file\tsessions before\ttraces\tspans\tseconds\tspans/s\tMB/s\tload");
        long started = System.nanoTime();
        // A file cut short by a stop is imported again whole: the import replaces a session's traces.
        for (int first = (int) (have / PER_FILE) * PER_FILE; first < sessions; first += PER_FILE) {
            int n = Math.min(PER_FILE, sessions - first);
            var bytes = new ByteArrayOutputStream();
            gen.writeBulkExport(bytes, first, n, turns, spans);
            long t0 = System.nanoTime();
            ImportReport r = imports.importFile("bulk-" + first + ".json",
                    new ByteArrayInputStream(bytes.toByteArray()));
            double s = (System.nanoTime() - t0) / 1e9;
            long spanCount = (long) r.tracesImported() * spans;
            System.out.printf("%d\t%d\t%d\t%d\t%.1f\t%.0f\t%.2f\t%.1f%n", first / PER_FILE, first,
                    r.tracesImported(), spanCount, s, spanCount / s, bytes.size() / 1e6 / s, loadAverage());
        }
        System.out.printf("import done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        long t0 = System.nanoTime();
        awaitAnalysis(ctx.getBean(SessionService.class), worker);
        System.out.printf("analysis caught up %.0f s after the last file%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Until the sessions list's search index holds every session: a database built by older code (or a crash) is
     * indexed in the background after the start, and until then the list answers from SQL, which is not what is timed.
     */
    static void awaitSearchIndex(ConfigurableApplicationContext ctx) throws InterruptedException {
        SessionSearchIndex index = ctx.getBeanProvider(SessionSearchIndex.class).getIfAvailable();
        if (index == null) return;
        long t0 = System.nanoTime();
        while (!index.ready() && System.nanoTime() - t0 < Duration.ofHours(2).toNanos()) Thread.sleep(500);
        System.out.printf(index.ready()
                ? "search index ready %.0f s after the build%n"
                : "search index NOT ready %.0f s after the build: the list answers from SQL%n",
                (System.nanoTime() - t0) / 1e9);
    }

    /** Until no session waits for the analysis, or the number waiting has not moved for a minute. */
    static void awaitAnalysis(SessionService sessions, SessionAnalysisWorker worker) throws InterruptedException {
        if (Boolean.getBoolean("bench.no-analysis-wait")) {
            // Times a database whose analysis is behind: those sessions are searched by their previews. The worker is
            // stopped so that it does not share the two cores with the timings.
            worker.stop();
            System.out.printf("not waiting for the background analysis (stopped): %d sessions wait%n",
                    sessions.waitingForAnalysis());
            return;
        }
        long last = -1, since = System.nanoTime(), printed = 0;
        while (true) {
            worker.awaitIdle(Duration.ofSeconds(2));
            long waiting = sessions.waitingForAnalysis();
            if (waiting == 0) return;
            if (waiting != last) {
                if (System.nanoTime() - printed > 60e9) {   // a line a minute, with the load that slows it
                    System.out.printf("%s: %d sessions wait for the background analysis; load average %.1f%n",
                            Instant.now(), waiting, loadAverage());
                    printed = System.nanoTime();
                }
                last = waiting;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > 60e9) {
                return;
            }
            Thread.sleep(2_000);
        }
    }

    static long count(DataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
