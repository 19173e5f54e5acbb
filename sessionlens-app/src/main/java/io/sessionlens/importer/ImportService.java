package io.sessionlens.importer;

import io.sessionlens.audit.AuditLog;
import io.sessionlens.importer.read.ExportReader;
import io.sessionlens.importer.read.ReadListener;
import io.sessionlens.trace.ExperimentNames;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.StoreOutcome;
import io.sessionlens.trace.TraceStore;
import io.sessionlens.trace.model.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Imports uploaded MLflow exports. The reader streams traces; they are stored in bounded batches (each its own
 * transaction), so a 200 MB export never sits in memory and a defect late in a file never loses what came before.
 * Reading and storing overlap: the caller's thread reads the next batch while the writer thread stores the last one
 * (at most {@link #BATCHES_IN_FLIGHT} batches wait, so memory stays bounded).
 */
@Service
@EnableConfigurationProperties(ImportLimits.class)
public class ImportService implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    /** Batch bounds: whichever is reached first. Spans dominate the memory of a batch. */
    static final int BATCH_TRACES = 200;
    static final int BATCH_SPANS = 20_000;

    /** Batches handed to the writer and not yet stored, per file being imported. */
    static final int BATCHES_IN_FLIGHT = 2;

    private final ExportReader reader;
    private final ImportLimits limits;
    private final TraceStore store;
    private final ApplicationEventPublisher events;
    private final ImportHistory history;
    private final ExperimentNames names;
    private final AuditLog audit;
    /** One writer for all imports: H2 takes one writer at a time best, and two imports then share it batch by batch. */
    private final ExecutorService writer = Executors
            .newSingleThreadExecutor(Thread.ofPlatform().name("trace-writer").daemon(true).factory());

    ImportService(TraceStore store, ApplicationEventPublisher events, ImportLimits limits, ImportHistory history,
            ExperimentNames names, AuditLog audit) {
        this.limits = limits;
        this.names = names;
        this.history = history;
        this.audit = audit;
        this.reader = new ExportReader(new ExportReader.Limits(limits.maxUnzippedSize().toBytes(), limits.maxZipRatio(),
                limits.maxStringLength()));
        this.store = store;
        this.events = events;
    }

    /** One uploaded file: its name (for messages) and a way to open it (opened once). */
    public record Upload(String name, StreamSource source) {}

    @FunctionalInterface
    public interface StreamSource {
        InputStream open() throws IOException;
    }

    public ImportReport importFiles(List<Upload> uploads) {
        return importFiles(uploads, new ImportProgress());
    }

    /**
     * Imports the files of one request, one after the other, and records the import in the {@link ImportHistory} (an
     * import that stored nothing is not kept there). {@code progress} is updated as traces are read and stored.
     */
    public ImportReport importFiles(List<Upload> uploads, ImportProgress progress) {
        Totals totals = new Totals();
        List<ImportReport.FileReport> files = new ArrayList<>();
        List<String> names = uploads.stream().map(Upload::name).toList();
        long importId = history.begin(names);
        events.publishEvent(new ImportStarted(names));   // the background analysis pauses, so the import gets the cores
        try {
            for (Upload u : uploads) files.add(importOne(u, totals, importId, progress));
        } finally {
            events.publishEvent(new ImportFinished(names, totals.sessions));
        }
        ImportReport report = new ImportReport(totals.imported, totals.updated, totals.unchanged, files,
                List.copyOf(totals.sessions), totals.stored() > 0 ? importId : null);
        history.finish(importId, report);
        audit.record(AuditLog.IMPORT, String.join(", ", names),
                "%d new traces, %d updated, %d unchanged, %d rejected in %s"
                        .formatted(report.tracesImported(), report.tracesUpdated(), report.tracesUnchanged(),
                                files.stream().mapToInt(ImportReport.FileReport::rejected).sum(),
                                names.size() == 1 ? "1 file" : names.size() + " files"),
                null, Map.of("tracesImported", report.tracesImported(), "tracesUpdated", report.tracesUpdated(),
                        "tracesUnchanged", report.tracesUnchanged(), "sessions", report.sessions().size()));
        return report;
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.shutdown();   // never shutdownNow: an interrupt during file IO closes H2's file channel
        writer.awaitTermination(60, TimeUnit.SECONDS);
    }

    /** The limits this import holds to, for the web layer's early checks. */
    public ImportLimits limits() {
        return limits;
    }

    public ImportReport importFile(String name, InputStream in) {
        return importFiles(List.of(new Upload(name, () -> in)));
    }

    private ImportReport.FileReport importOne(Upload upload, Totals totals, long importId, ImportProgress progress) {
        progress.reading(upload.name());
        FileCollector c = new FileCollector(upload.name(), importId, progress, totals.linked);
        try (InputStream in = upload.source().open()) {
            reader.read(upload.name(), in, c);
        } catch (IOException | UncheckedIOException e) {
            c.stoppedReading(null,
                    "could not read the upload: " + e.getMessage() + "; the rest of the file was not read");
        } catch (RuntimeException e) {
            // The reader turns bad content into problems; this is a bug of ours, not the user's file.
            log.error("import of {} failed", upload.name(), e);
            c.stoppedReading(null, "internal error while reading the file (" + e.getClass().getSimpleName()
                    + "); the traces read before it were kept, the rest of the file was not read");
        }
        c.flush();
        c.awaitStored();
        c.addTo(totals);
        return new ImportReport.FileReport(upload.name(), c.read, c.stored, c.rejected, c.imported, c.updated,
                c.unchanged,
                c.sessions.size(), c.stoppedReading, List.copyOf(c.errors), List.copyOf(c.warnings),
                c.experimentsNamed);
    }

    private static final class Totals {
        int imported, updated, unchanged;
        final Set<SessionRef> sessions = new LinkedHashSet<>();
        /** Trace ids already linked to this import (a trace may come in two of its files). */
        final Set<String> linked = new HashSet<>();

        int stored() {
            return imported + updated + unchanged;
        }
    }

    private final class FileCollector implements ReadListener {
        final List<Trace> batch = new ArrayList<>();
        int batchSpans;
        int read, stored, rejected, imported, updated, unchanged, experimentsNamed;
        @Nullable String stoppedReading;
        final Set<SessionRef> sessions = new LinkedHashSet<>();
        final List<ImportProblem> errors = new ArrayList<>();
        final List<ImportProblem> warnings = new ArrayList<>();
        final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        final String fileName;
        final long importId;
        final ImportProgress progress;
        final Set<String> linked;

        /** A batch the writer has: its future result, how many traces it holds, and each trace's session. */
        record InFlight(Future<TraceStore.BatchResult> result, int traces, Map<String, SessionRef> sessions) {}

        FileCollector(String fileName, long importId, ImportProgress progress, Set<String> linked) {
            this.fileName = fileName;
            this.importId = importId;
            this.progress = progress;
            this.linked = linked;
        }

        @Override
        public void trace(Trace trace, List<String> traceWarnings) {
            read++;
            progress.traceRead();
            for (String w : traceWarnings) warnings.add(new ImportProblem(trace.traceId(), w));
            batch.add(trace);
            batchSpans += trace.spans().size();
            if (batch.size() >= BATCH_TRACES || batchSpans >= BATCH_SPANS) flush();
        }

        @Override
        public void experimentName(String experimentId, String name) {
            names.nameFromExport(experimentId, name);
            experimentsNamed++;
        }

        @Override
        public void problem(@Nullable String traceRef, String message) {
            if (traceRef != null && !isWholeEntry(traceRef)) {   // a trace that was found but could not be read
                read++;
                progress.traceRead();
                rejected++;
            }
            errors.add(new ImportProblem(traceRef, message));
        }

        @Override
        public void stoppedReading(@Nullable String where, String message) {
            errors.add(new ImportProblem(where, message));
            String place = (where == null ? "" : "at " + where + ": ")
                    + message.replaceFirst("^reading stopped here: ", "");
            stoppedReading = stoppedReading == null ? place : stoppedReading + "; " + place;
        }

        /** A zip entry's name ("export.zip!a.json") stands for the whole entry, not for one trace in it. */
        private boolean isWholeEntry(String ref) {
            return ref.startsWith(fileName + "!")
                    && !ref.substring(fileName.length()).matches(".*(#\\d+|line \\d+.*)$");
        }

        private void rejected(List<TraceStore.Rejected> traces) {
            for (TraceStore.Rejected r : traces) {
                rejected++;
                errors.add(new ImportProblem(r.traceRef(), r.message()));
            }
        }

        /** Hands the batch to the writer; waits only while {@link #BATCHES_IN_FLIGHT} batches are already waiting. */
        void flush() {
            if (batch.isEmpty()) return;
            Map<String, SessionRef> sessions = new HashMap<>();
            for (Trace t : batch)
                sessions.put(t.traceId(),
                        new SessionRef(t.info().experimentId(), t.info().sessionId().orElse(t.traceId())));
            TraceStore.PreparedBatch prepared = store.prepare(batch);   // rows and hashes here, on the reading thread
            batch.clear();
            batchSpans = 0;
            rejected(prepared.rejected());
            inFlight.add(new InFlight(writer.submit(() -> store.storeIsolating(prepared)), prepared.size(), sessions));
            while (inFlight.size() > BATCHES_IN_FLIGHT) collect(inFlight.poll());
        }

        void awaitStored() {
            while (!inFlight.isEmpty()) collect(inFlight.poll());
        }

        private void collect(InFlight b) {
            TraceStore.BatchResult r;
            try {
                r = b.result().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log.error("storing traces of {} failed", fileName, cause);
                rejected += b.traces();
                errors.add(new ImportProblem(null,
                        b.traces() + " traces could not be stored (the server log has the details)"));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add(new ImportProblem(null,
                        "the import was interrupted; " + b.traces() + " traces may not be stored"));
                return;
            }
            for (StoreOutcome o : r.outcomes().values()) {
                switch (o) {
                    case IMPORTED -> imported++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
            stored += r.outcomes().size();
            progress.stored(r.outcomes().size());
            List<String> newLinks = r.outcomes().keySet().stream().filter(linked::add).toList();
            if (!newLinks.isEmpty()) history.link(importId, newLinks);
            rejected(r.failed());
            for (String traceId : r.outcomes().keySet()) sessions.add(b.sessions().get(traceId));
        }

        /** Adds this file's counts to the request's. */
        void addTo(Totals t) {
            t.imported += imported;
            t.updated += updated;
            t.unchanged += unchanged;
            t.sessions.addAll(sessions);
        }
    }
}
