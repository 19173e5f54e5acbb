package io.sessionlens.importer.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.base.security.Roles;
import io.sessionlens.importer.ImportDeletion;
import io.sessionlens.importer.ImportHistory;
import io.sessionlens.importer.ImportProgress;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.importer.ImportSummary;
import io.sessionlens.trace.ExperimentNames;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Upload MLflow exports (several files, drag and drop) and see, per file, what was stored and where its sessions are;
 * a total over the files dropped together; progress while the server reads a big file; and the past imports, each of
 * which can be deleted again.
 */
@Route("import")
@StyleSheet("context://styles/import-view.css")
@PageTitle("Import · SessionLens")
@RolesAllowed(Roles.ANALYST)   // viewers read only: no import page, no nav entry
class ImportView extends VerticalLayout {
    /** How often the page asks the server for progress while an import runs. */
    static final int POLL_MS = 500;

    private final ImportService imports;
    private final ImportHistory history;
    private final ExperimentNames names;
    private final Div results = new Div();
    private final Div total = new Div();
    private final Div progressLine = new Div();
    private final Div historyList = new Div();
    /** Imports of this page still running, in the order they started: file name and its progress. */
    private final Map<Object, Running> running = new LinkedHashMap<>();
    private final List<ImportReport> batch = new ArrayList<>();
    private boolean batchClosed;
    private @Nullable Registration poll;

    private record Running(String file, ImportProgress progress) {}

    ImportView(ImportService imports, ImportHistory history, ExperimentNames names) {
        this.imports = imports;
        this.history = history;
        this.names = names;
        addClassName("sl-import");
        add(new H2("Import MLflow traces"));
        var intro = new Paragraph();
        intro.add(new Text("Drop MLflow exports here: "), ResultBox.code("mlflow traces get"), new Text(" or "),
                ResultBox.code("mlflow traces search --output json"),
                new Text(" output, a JSON array, JSON Lines, or a .zip or .gz of these"
                        + " — from MLflow 2.x to today, REST and OTLP-ingested traces too. Re-importing the same traces changes"
                        + " nothing; traces whose content changed are updated. Sessions are listed as soon as their traces"
                        + " are stored; their analysis (texts, judges, root cause) follows in the background."));
        add(intro);
        var upload = new Upload(uploadHandler());
        upload.setId("import-upload");
        upload.setMaxFileSize(Integer.MAX_VALUE);
        upload.setDropAllowed(true);
        upload.setWidthFull();
        // Polling starts with a round trip of the browser's own (a change made while an import runs in the background
        // reaches the browser only with the next answer); the last import's result ends it.
        upload.getElement().addEventListener("upload-start",
                e -> getUI().ifPresent(ui -> ui.setPollInterval(POLL_MS)));
        upload.addAllFinishedListener(e -> {
            batchClosed = true;
            // The upload's own list ticks every file it sent, even one that imported nothing: the results say how it went.
            upload.clearFileList();
        });
        progressLine.setId("import-progress");
        progressLine.addClassName("sl-import-progress");
        progressLine.setVisible(false);
        total.setId("import-total");
        total.addClassName("sl-import-total");
        total.setVisible(false);
        results.setId("import-results");
        results.setWidthFull();
        var historyTitle = new H3("Past imports");
        historyList.setId("import-history");
        historyList.setWidthFull();
        add(upload, progressLine, total, results, historyTitle, historyList);
        refreshHistory();
    }

    /**
     * Reads the upload straight from the request into the import, outside the session lock, so the page's polls are
     * answered meanwhile with the import's progress; the result is shown under the lock when the import is done.
     */
    private UploadHandler uploadHandler() {
        return event -> {
            UI ui = event.getUI();
            String name = event.getFileName();
            ImportProgress progress = new ImportProgress();
            Object key = new Object();
            ui.access(() -> started(key, name, progress));
            ImportReport report;
            try {
                report = imports.importFiles(List.of(new ImportService.Upload(name, event::getInputStream)), progress);
            } catch (RuntimeException e) {
                report = new ImportReport(0, 0, 0,
                        List.of(ImportReport.FileReport.unreadable(name, "the import failed: " + e.getMessage())),
                        List.of(), null);
            }
            ImportReport done = report;
            ui.access(() -> finished(key, done));
        };
    }

    private void started(Object key, String file, ImportProgress progress) {
        if (batchClosed) {   // files dropped after the last batch finished start a new total
            batch.clear();
            batchClosed = false;
        }
        running.put(key, new Running(file, progress));
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MS));
        showProgress();
    }

    private void finished(Object key, ImportReport report) {
        running.remove(key);
        if (running.isEmpty()) getUI().ifPresent(ui -> ui.setPollInterval(-1));
        showProgress();
        batch.add(report);
        for (var f : report.files())
            results.addComponentAsFirst(ResultBox.of(f, report, names::displayName));
        showTotal();
        refreshHistory();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        poll = event.getUI().addPollListener(e -> showProgress());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) poll.remove();
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    /** "Reading export.json: 12,400 traces read, 12,000 stored" for each import still running. */
    private void showProgress() {
        progressLine.removeAll();
        progressLine.setVisible(!running.isEmpty());
        for (Running r : running.values()) {
            var p = r.progress();
            var line = new Div(new Span("Importing " + r.file() + ": "),
                    new Span("%,d traces read, %,d stored…".formatted(p.tracesRead(), p.tracesStored())));
            line.addClassName("sl-import-progress-line");
            progressLine.add(line);
        }
    }

    private void showTotal() {
        total.removeAll();
        total.setVisible(!batch.isEmpty());
        total.add(ResultBox.total(batch));
    }

    private void refreshHistory() {
        historyList.removeAll();
        List<ImportSummary> past = history.list();
        if (past.isEmpty()) {
            historyList.add(new Paragraph("No imports yet."));
            return;
        }
        for (ImportSummary s : past) historyList.add(HistoryRow.of(s, this::confirmDelete));
    }

    private void confirmDelete(ImportSummary s) {
        history.preview(s.id()).ifPresentOrElse(
                plan -> HistoryRow.confirm(s, plan, () -> delete(s)),
                this::refreshHistory);   // already gone (deleted elsewhere)
    }

    private void delete(ImportSummary s) {
        history.delete(s.id()).ifPresent(this::deleted);
        refreshHistory();
    }

    private void deleted(ImportDeletion d) {
        HistoryRow.notifyDeleted(d);
    }
}
