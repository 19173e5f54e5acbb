package io.sessionlens.importer;

import io.sessionlens.audit.AuditLog;
import io.sessionlens.importer.persistence.ImportRecords;
import io.sessionlens.trace.TraceStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The imports done so far, and deleting one again: each import request is recorded with its files, its counts and the
 * traces it delivered (new, updated or unchanged). Deleting an import deletes the traces that no other import delivered;
 * the others stay (decision record 017). The sessions they belonged to are re-indexed when the deletion commits.
 */
@Service
public class ImportHistory {
    /** The history page and the API list this many, newest first. */
    public static final int LISTED = 500;

    private final ImportRecords records;
    private final TraceStore store;
    private final Clock clock;

    private final AuditLog audit;

    ImportHistory(ImportRecords records, TraceStore store, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.records = records;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    long begin(List<String> files) {
        return records.insert(clock.instant(), files);
    }

    @Transactional
    void link(long importId, Collection<String> traceIds) {
        records.link(importId, traceIds);
    }

    @Transactional
    void finish(long importId, ImportReport report) {
        if (report.importId() == null) {   // it stored nothing: there is nothing to list or delete
            records.delete(importId);
            return;
        }
        int read = report.files().stream().mapToInt(ImportReport.FileReport::read).sum();
        int rejected = report.files().stream().mapToInt(ImportReport.FileReport::rejected).sum();
        records.finish(importId, clock.instant(), read, report.tracesImported(), report.tracesUpdated(),
                report.tracesUnchanged(), rejected, report.sessions().size());
    }

    /** The latest {@link #LISTED} imports, newest first. */
    @Transactional(readOnly = true)
    public List<ImportSummary> list() {
        return records.newestFirst(LISTED).stream().map(ImportHistory::summary).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ImportSummary> find(long id) {
        return records.find(id).map(ImportHistory::summary);
    }

    /** What {@link #delete} would remove, for the confirmation; empty when there is no such import. */
    @Transactional(readOnly = true)
    public Optional<ImportDeletion> preview(long id) {
        return records.find(id).map(r -> {
            int only = records.tracesOnlyIn(id).size();
            return new ImportDeletion(id, only, records.sessionsOnlyIn(id), r.stillStored() - only);
        });
    }

    /** Deletes the import's record and the traces only it delivered; empty when there is no such import. */
    @Transactional
    public Optional<ImportDeletion> delete(long id) {
        return records.find(id).map(r -> {
            List<String> only = records.tracesOnlyIn(id);
            TraceStore.Deleted deleted = store.delete(only);
            records.delete(id);
            var done = new ImportDeletion(id, deleted.traces(), deleted.sessions().size(),
                    r.stillStored() - only.size());
            audit.record(AuditLog.IMPORT_DELETED, "import " + id + " (" + String.join(", ", r.files()) + ")",
                    "deleted import " + id + ": " + done.traces() + " traces, " + done.sessions() + " sessions; "
                            + done.keptTraces() + " traces kept (another import delivered them too)",
                    null, null);
            return done;
        });
    }

    private static ImportSummary summary(ImportRecords.Row r) {
        return new ImportSummary(r.id(), r.startedAt(), r.finishedAt(), r.files(), r.read(), r.imported(),
                r.updated(), r.unchanged(), r.rejected(), r.sessions(), r.stillStored());
    }
}
