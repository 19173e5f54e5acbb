package io.sessionlens.importer;

import io.sessionlens.importer.read.ExportReader;
import io.sessionlens.importer.read.ReadListener;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.StoreOutcome;
import io.sessionlens.trace.TraceStore;
import io.sessionlens.trace.model.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports uploaded MLflow exports. The reader streams traces; they are stored in bounded batches (each its own
 * transaction), so a 200 MB export never sits in memory and a defect late in a file never loses what came before.
 */
@Service
public class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    /** Batch bounds: whichever is reached first. Spans dominate the memory of a batch. */
    static final int BATCH_TRACES = 200;
    static final int BATCH_SPANS = 20_000;

    private final ExportReader reader = new ExportReader();
    private final TraceStore store;

    ImportService(TraceStore store) {
        this.store = store;
    }

    /** One uploaded file: its name (for messages) and a way to open it (opened once). */
    public record Upload(String name, StreamSource source) {}

    @FunctionalInterface
    public interface StreamSource {
        InputStream open() throws IOException;
    }

    public ImportReport importFiles(List<Upload> uploads) {
        Totals totals = new Totals();
        List<ImportReport.FileReport> files = new ArrayList<>();
        for (Upload u : uploads) files.add(importOne(u, totals));
        List<ImportReport.SessionKey> sessions = totals.sessions.stream()
                .map(r -> new ImportReport.SessionKey(r.experimentId(), r.sessionKey())).toList();
        return new ImportReport(totals.imported, totals.updated, totals.unchanged, files, sessions);
    }

    public ImportReport importFile(String name, InputStream in) {
        return importFiles(List.of(new Upload(name, () -> in)));
    }

    private ImportReport.FileReport importOne(Upload upload, Totals totals) {
        FileCollector c = new FileCollector(totals);
        try (InputStream in = upload.source().open()) {
            reader.read(upload.name(), in, c);
        } catch (IOException | UncheckedIOException e) {
            c.problem(null, "could not read the upload: " + e.getMessage());
        } catch (RuntimeException e) {
            // The reader turns bad content into problems; this is a bug of ours, not the user's file.
            log.error("import of {} failed", upload.name(), e);
            c.problem(null, "internal error while reading the file (" + e.getClass().getSimpleName() + "); the traces read before it were kept");
        }
        try {
            c.flush();
        } catch (RuntimeException e) {
            log.error("storing traces of {} failed", upload.name(), e);
            c.problem(null, "could not store the last " + c.batch.size() + " traces: " + e.getMessage());
        }
        return new ImportReport.FileReport(upload.name(), c.stored, List.copyOf(c.errors), List.copyOf(c.warnings));
    }

    private static final class Totals {
        int imported, updated, unchanged;
        final Set<SessionRef> sessions = new LinkedHashSet<>();
    }

    private final class FileCollector implements ReadListener {
        final Totals totals;
        final List<Trace> batch = new ArrayList<>();
        int batchSpans;
        int stored;
        final List<ImportProblem> errors = new ArrayList<>();
        final List<ImportProblem> warnings = new ArrayList<>();

        FileCollector(Totals totals) {
            this.totals = totals;
        }

        @Override
        public void trace(Trace trace, List<String> traceWarnings) {
            for (String w : traceWarnings) warnings.add(new ImportProblem(trace.traceId(), w));
            batch.add(trace);
            batchSpans += trace.spans().size();
            if (batch.size() >= BATCH_TRACES || batchSpans >= BATCH_SPANS) flush();
        }

        @Override
        public void problem(@Nullable String traceRef, String message) {
            errors.add(new ImportProblem(traceRef, message));
        }

        void flush() {
            if (batch.isEmpty()) return;
            TraceStore.BatchResult r = store.store(batch);
            for (StoreOutcome o : r.outcomes().values()) {
                switch (o) {
                    case IMPORTED -> totals.imported++;
                    case UPDATED -> totals.updated++;
                    case UNCHANGED -> totals.unchanged++;
                }
            }
            stored += r.outcomes().size();
            batch.stream().map(t -> new SessionRef(t.info().experimentId(), t.info().sessionId().orElse(t.traceId())))
                    .forEach(totals.sessions::add);
            batch.clear();
            batchSpans = 0;
        }
    }
}
