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
        JsonMapper json = JsonMapper.builder().build();
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
