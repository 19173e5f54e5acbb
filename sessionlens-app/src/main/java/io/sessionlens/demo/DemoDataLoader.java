package io.sessionlens.demo;

import io.sessionlens.demodata.DemoCorpus;
import io.sessionlens.demodata.DemoExportGenerator;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.trace.TraceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start (empty database, {@code sessionlens.demo-data=true}) writes the demo sessions as MLflow export
 * files under the data dir and loads them through the normal importer, exactly as a user's upload would be.
 */
@Component
class DemoDataLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final long SEED = 20261123L;
    static final String COMPLETE_MARKER = ".loaded";

    private final boolean enabled;
    private final Path dataDir;
    private final TraceStore store;
    private final ImportService imports;
    private final Clock clock;

    DemoDataLoader(@Value("${sessionlens.demo-data:true}") boolean enabled,
            @Value("${sessionlens.data-dir:./data}") Path dataDir,
            TraceStore store, ImportService imports, Clock clock) {
        this.enabled = enabled;
        this.dataDir = dataDir;
        this.store = store;
        this.imports = imports;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        load().ifPresent(report -> log.info("Demo data: {} traces in {} sessions from {} files ({} problems)",
                report.tracesImported() + report.tracesUpdated() + report.tracesUnchanged(), report.sessions().size(),
                report.files().size(), report.problemCount()));
    }

    /**
     * Loads the demo on the first start, and again on a start after one that was stopped while loading it (the export
     * folder is there but its completion marker is not): the import is idempotent, so the finished part stays as it is.
     * A database with traces and no demo folder holds the user's own data and is left alone.
     */
    Optional<ImportReport> load() throws IOException {
        Path dir = dataDir.resolve("demo-exports");
        Path done = dir.resolve(COMPLETE_MARKER);
        boolean interrupted = Files.isDirectory(dir) && !Files.exists(done);
        if (!enabled || !(store.isEmpty() || interrupted)) return Optional.empty();
        Files.createDirectories(dir);
        // Recent timestamps, so "last 7 days" filters show the demo on any day.
        var generator = new DemoExportGenerator(SEED,
                clock.instant().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.DAYS));
        DemoCorpus corpus = generator.writeDemoSet(dir);
        List<ImportService.Upload> uploads = corpus.files().stream()
                .map(p -> new ImportService.Upload(p.getFileName().toString(), () -> Files.newInputStream(p))).toList();
        ImportReport report = imports.importFiles(uploads);
        Files.writeString(done, clock.instant().toString());
        return Optional.of(report);
    }
}
