package io.sessionlens.bench;

import io.sessionlens.Application;
import io.sessionlens.demodata.BenchExports;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.importer.read.ExportReader;
import io.sessionlens.importer.read.ReadListener;
import io.sessionlens.trace.model.Trace;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import throughput against the raw Jackson parse of the same file (issue #2: import ≥ 40 % of raw parse speed), and
 * the heap while importing. Not a test (surefire excludes bench/). Run:
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/test-cp.txt) io.sessionlens.bench.ImportBench 2000 6 6
 * </pre>
 */
public final class ImportBench {
    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int spans = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        Path dir = Files.createTempDirectory("sessionlens-bench");
        Path export = dir.resolve("bulk-export.json");
        try (var out = new BufferedOutputStream(Files.newOutputStream(export), 1 << 16)) {
            new BenchExports(7, Instant.parse("2026-01-01T00:00:00Z")).writeBulkExport(out, sessions, turns, spans);
        }
        double mb = Files.size(export) / 1e6;
        System.out.printf("export: %.1f MB, %d sessions x %d turns x %d spans%n", mb, sessions, turns, spans);

        // Baselines warmed up (two untimed runs) and the fastest of three timed ones: the comparison never flatters the import.
        // -Dbench.baselines=false leaves the parse baselines out (issue #14's runs compare the store, not the reader).
        boolean baselines = Boolean.parseBoolean(System.getProperty("bench.baselines", "true"));
        JsonMapper json = JsonMapper.builder().build();
        if (!baselines) {
            importAndCeiling(dir, export, mb, Double.NaN, Double.NaN);
            return;
        }
        long[] tokenCount = new long[1];
        double tokenSec = fastest(() -> tokenCount[0] = tokenScan(json, export));
        long tokens = tokenCount[0];
        long[] traceCount = new long[1];
        double treeSec = fastest(() -> traceCount[0] = treePerTrace(json, export));
        long traces = traceCount[0];
        long t0;
        System.out.printf("raw Jackson token scan: %.2f s = %.1f MB/s (%d tokens)%n", tokenSec, mb / tokenSec, tokens);
        System.out.printf("raw Jackson tree per trace: %.2f s = %.1f MB/s (%d traces)%n", treeSec, mb / treeSec,
                traces);

        // The importer's reader alone (parse + every dialect rule + model records), no database.
        long[] seen = new long[1];
        double readerSec = fastest(() -> {
            seen[0] = 0;
            try (InputStream in = Files.newInputStream(export)) {
                new ExportReader().read("bulk", in, new ReadListener() {
                    @Override
                    public void trace(Trace trace, List<String> warnings) {
                        seen[0] += trace.spans().size();
                    }
                    @Override
                    public void problem(String traceRef, String message) {}
                });
            }
        });
        System.out.printf(
                "ExportReader alone (to model records): %.2f s = %.1f MB/s (%d spans) = %.0f %% of raw tree parse%n",
                readerSec, mb / readerSec, seen[0], 100 * treeSec / readerSec);

        importAndCeiling(dir, export, mb, treeSec, tokenSec);
    }

    private static void importAndCeiling(Path dir, Path export, double mb, double treeSec, double tokenSec)
            throws Exception {
        long t0;
        var ctx = new SpringApplicationBuilder(Application.class)
                .run("--sessionlens.data-dir=" + dir.resolve("data"), "--sessionlens.demo-data=false",
                        "--server.port=0",
                        "--logging.level.root=WARN");
        ImportService imports = ctx.getBean(ImportService.class);
        AtomicLong peak = new AtomicLong();
        var mem = ManagementFactory.getMemoryMXBean();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        System.gc();
        long before = mem.getHeapMemoryUsage().getUsed();
        t0 = System.nanoTime();
        ImportReport report;
        try (InputStream in = Files.newInputStream(export)) {
            report = imports.importFile(export.getFileName().toString(), in);
        }
        double importSec = (System.nanoTime() - t0) / 1e9;
        var worker = ctx.getBean(io.sessionlens.session.index.SessionAnalysisWorker.class);
        long waitingAtAnswer = ctx.getBean(io.sessionlens.session.SessionService.class).waitingForAnalysis();
        worker.awaitIdle(java.time.Duration.ofMinutes(30));
        double analysedSec = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        System.out.printf(
                "import (parse + store + session index; analysis in the background): %.2f s = %.1f MB/s, %d traces, %d sessions, %d problems%n",
                importSec, mb / importSec, report.tracesImported(), report.sessions().size(), report.problemCount());
        System.out.printf("import speed vs raw tree parse: %.0f %%; vs token scan: %.0f %%%n",
                100 * treeSec / importSec, 100 * tokenSec / importSec);
        System.out.printf(
                "background analysis: %d sessions waiting when the import answered; all analysed %.2f s after the"
                        + " import started (%.1f MB/s end to end)%n",
                waitingAtAnswer, analysedSec, mb / analysedSec);
        System.out.printf("heap: %.0f MB before, peak %.0f MB during import (max heap %.0f MB)%n", before / 1e6,
                peak.get() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        ctx.close();
        double ceilingSec = ceiling(dir, export);
        long spans = spansIn(export);
        System.out.printf("import: %.0f spans/s; ceiling (plain JDBC batches of the same rows into the same schema,"
                + " no app logic): %.2f s = %.0f spans/s; import at %.0f %% of the ceiling%n", spans / importSec,
                ceilingSec, spans / ceilingSec, 100 * ceilingSec / importSec);
    }

    private static long spansIn(Path export) throws Exception {
        long[] n = new long[1];
        try (InputStream in = Files.newInputStream(export)) {
            new ExportReader().read("bulk", in, new ReadListener() {
                @Override
                public void trace(Trace trace, List<String> warnings) {
                    n[0] += trace.spans().size();
                }
                @Override
                public void problem(String traceRef, String message) {}
            });
        }
        return n[0];
    }

    /**
     * The database's own ceiling for the import's rows (issue #14): the same traces mapped to the same rows in memory
     * first (not timed), then only the inserts, as plain JDBC batches in transactions of 200 traces (the importer's
     * batch), into a fresh H2 file with the app's JDBC URL and the Flyway schema. No reading, hashing, session index or
     * import history. The best of two fresh files.
     */
    static double ceiling(Path dir, Path export) throws Exception {
        List<io.sessionlens.trace.persistence.TraceMapping.Rows> rows = new java.util.ArrayList<>();
        Instant now = Instant.now();
        try (InputStream in = Files.newInputStream(export)) {
            new ExportReader().read("bulk", in, new ReadListener() {
                @Override
                public void trace(Trace trace, List<String> warnings) {
                    rows.add(io.sessionlens.trace.persistence.TraceMapping.toRows(trace, now,
                            new io.sessionlens.trace.persistence.TraceMapping.TraceFacts(0,
                                    io.sessionlens.trace.model.TokenUsage.NONE)));
                }
                @Override
                public void problem(String traceRef, String message) {}
            });
        }
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            String url = "jdbc:h2:file:" + dir.resolve("ceiling-" + run + "/sessionlens") + ";AUTO_SERVER=FALSE";
            org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load()
                    .migrate();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
                c.setAutoCommit(false);
                System.gc();
                long t0 = System.nanoTime();
                for (int from = 0; from < rows.size(); from += 200) {
                    io.sessionlens.trace.persistence.TraceRowWriter.insertWithKeys(c,
                            rows.subList(from, Math.min(rows.size(), from + 200)), 1 + from);
                    c.commit();
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
        }
        return best;
    }

    interface Run {
        void run() throws Exception;
    }

    static double fastest(Run run) throws Exception {
        for (int warm = 0; warm < 2; warm++) run.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    static long tokenScan(JsonMapper json, Path file) throws Exception {
        long n = 0;
        try (JsonParser p = json.createParser(Files.newInputStream(file))) {
            while (p.nextToken() != null) n++;
        }
        return n;
    }

    /** What the importer's reader minimally has to do: one tree per trace of the envelope. */
    static long treePerTrace(JsonMapper json, Path file) throws Exception {
        long n = 0;
        try (JsonParser p = json.createParser(Files.newInputStream(file))) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.PROPERTY_NAME && "traces".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode t = p.readValueAsTree();
                        if (t.has("info")) n++;
                    }
                }
            }
        }
        return n;
    }
}
