package io.sessionlens.bench;

import io.sessionlens.Application;
import io.sessionlens.demodata.BenchExports;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.session.index.SessionAnalysisWorker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The H2 file under an update-heavy import (issue #10): one clean import, then the same traces imported again with every
 * trace's content changed (so each is replaced), several rounds; the file's size after each round, and what
 * {@code SHUTDOWN COMPACT} leaves. Not a test (surefire excludes bench/). Run with the classpath of BENCHMARKS.md:
 * <pre>java -Xmx1g -cp $CP io.sessionlens.bench.StorageGrowthBench 500 6 6 5</pre>
 */
public final class StorageGrowthBench {
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            // the app's threads would keep the JVM alive after a failure
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int spans = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        var bytes = new ByteArrayOutputStream();
        new BenchExports(7, Instant.parse("2026-01-01T00:00:00Z")).writeBulkExport(bytes, sessions, turns, spans);
        String export = bytes.toString(StandardCharsets.UTF_8);
        System.out.printf("export: %.1f MB, %d sessions x %d turns x %d spans, %d update rounds%n",
                export.length() / 1e6,
                sessions, turns, spans, rounds);

        Path dir = Files.createTempDirectory("sessionlens-storage");
        Path file = dir.resolve("data").resolve("sessionlens.mv.db");
        // the app's own H2 URL; -Dbench.h2-options=RETENTION_TIME=45000 replaces its settings to try others
        String h2Options = System.getProperty("bench.h2-options");
        List<String> appArgs = new ArrayList<>(List.of("--sessionlens.data-dir=" + dir.resolve("data"),
                "--sessionlens.demo-data=false", "--server.port=0", "--logging.level.root=WARN",
                // the compaction's check runs after every round below, as the schedule would once imports are quiet
                "--sessionlens.storage.compact-when-quiet-for=PT0S",
                "--sessionlens.storage.compact-check=PT24H"));
        boolean compact = !Boolean.getBoolean("bench.no-compaction");
        if (h2Options != null)
            appArgs.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data").resolve("sessionlens")
                    + ";AUTO_SERVER=FALSE;" + h2Options);
        var ctx = new SpringApplicationBuilder(Application.class).run(appArgs.toArray(String[]::new));
        ImportService imports = ctx.getBean(ImportService.class);
        SessionAnalysisWorker worker = ctx.getBean(SessionAnalysisWorker.class);

        ImportReport first = imports.importFile("clean.json",
                new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)));
        worker.awaitIdle(Duration.ofMinutes(30));
        System.out.printf("clean import: %d traces; file %.1f MB%n", first.tracesImported(), Files.size(file) / 1e6);
        for (int round = 1; round <= rounds; round++) {
            // every trace's request preview changes, so every trace is replaced and its session re-indexed
            String changed = export.replace("\"request_preview\": \"", "\"request_preview\": \"(round " + round + ") ");
            ImportReport r = imports.importFile("round-" + round + ".json",
                    new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)));
            worker.awaitIdle(Duration.ofMinutes(30));
            System.out.printf("round %d: %d updated, %d unchanged; file %.1f MB%n", round, r.tracesUpdated(),
                    r.tracesUnchanged(), Files.size(file) / 1e6);
            if (compact) {
                long t0 = System.nanoTime();
                var o = ctx.getBean(io.sessionlens.storage.StorageCompaction.class).compactIfWasteful();
                System.out.printf("  scheduled check: %s; file %.1f MB (%.1f s)%n", o.reason(),
                        Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9);
            }
        }
        long beforeCompact = Files.size(file);
        try (Connection c = ctx.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (Exception closedByShutdown) {
            // the shutdown closes the pool's connections under it
        }
        System.out.printf("before SHUTDOWN COMPACT %.1f MB, after %.1f MB: %.2fx%n", beforeCompact / 1e6,
                Files.size(file) / 1e6, (double) beforeCompact / Files.size(file));
        System.exit(0);
    }
}
