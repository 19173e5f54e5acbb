package io.sessionlens.support;

import io.sessionlens.demodata.DemoCorpus;
import io.sessionlens.demodata.DemoExportGenerator;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The demo generator's sessions, written as MLflow exports and imported through the real importer into the shared test
 * database. Importing twice is harmless (idempotent), so every test class can ask for it.
 */
public final class DemoData {
    public static final long SEED = 42;
    public static final Instant BASE_TIME = Instant.parse("2026-03-02T09:00:00Z");

    private DemoData() {}

    public record Loaded(DemoCorpus corpus, ImportReport report) {}

    public static Loaded load(ImportService imports) {
        try {
            Path dir = Files.createDirectories(AppTestBase.DATA_DIR.resolve("demo-corpus"));
            DemoCorpus corpus = new DemoExportGenerator(SEED, BASE_TIME).writeDemoSet(dir);
            ImportReport report = imports.importFiles(corpus.files().stream()
                    .map(p -> new ImportService.Upload(p.getFileName().toString(), () -> Files.newInputStream(p)))
                    .toList());
            return new Loaded(corpus, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo corpus' experiments, sorted. */
    public static java.util.List<String> experiments(DemoCorpus corpus) {
        return corpus.sessions().stream().map(io.sessionlens.demodata.ExpectedSession::experimentId).distinct().sorted()
                .toList();
    }

    /** Waits (up to a minute) until the background analysis has analysed every session of these experiments. */
    public static void awaitAnalysed(Http http, java.util.List<String> experiments) {
        try {
            for (int i = 0; i < 600; i++) {
                boolean done = experiments.stream().allMatch(e -> http.get("/api/sessions?size=1&verdict=not_analysed"
                        + "&experiment=" + e).json().get("total").asLong() == 0);
                if (done) return;
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the sessions were not analysed within a minute");
    }
}
