package io.sessionlens.importer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import io.sessionlens.base.security.Roles;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.importer.ImportProblem;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** Upload MLflow exports (several files, drag and drop, progress per file) and see a result per file. */
@Route("import")
@PageTitle("Import · SessionLens")
@RolesAllowed(Roles.ANALYST)   // viewers read only: no import page, no nav entry
class ImportView extends VerticalLayout {
    private final ImportService imports;
    private final Div results = new Div();

    ImportView(ImportService imports) {
        this.imports = imports;
        add(new H2("Import MLflow traces"));
        var intro = new Paragraph();
        intro.add(new Text("Drop MLflow exports here: "), code("mlflow traces get"), new Text(" or "),
                code("mlflow traces search --output json"),
                new Text(" output, a JSON array, JSON Lines, or a .zip of these"
                        + " — from MLflow 2.x to today, REST and OTLP-ingested traces too. Re-importing the same traces changes"
                        + " nothing; traces whose content changed are updated. Sessions are listed as soon as their traces"
                        + " are stored; their analysis (texts, judges, root cause) follows in the background."));
        add(intro);
        var upload = new Upload(UploadHandler.toTempFile(this::imported));
        upload.setId("import-upload");
        upload.setMaxFileSize(Integer.MAX_VALUE);
        upload.setDropAllowed(true);
        upload.setWidthFull();
        results.setId("import-results");
        results.setWidthFull();
        add(upload, results);
    }

    private void imported(UploadMetadata metadata, File file) {
        ImportReport report;
        try (var in = new FileInputStream(file)) {
            report = imports.importFile(metadata.fileName(), in);
        } catch (IOException e) {
            report = new ImportReport(0, 0, 0,
                    List.of(ImportReport.FileReport.unreadable(metadata.fileName(),
                            "could not read the upload: " + e.getMessage())),
                    List.of());
        } finally {
            try {
                Files.deleteIfExists(file.toPath());
            } catch (IOException ignored) {
                // a temp file the OS will clean up
            }
        }
        for (var f : report.files()) results.addComponentAsFirst(fileResult(f, report));
    }

    private static Component fileResult(ImportReport.FileReport f, ImportReport report) {
        var box = new Div();
        box.addClassName("import-result");
        box.getElement().setAttribute("data-file", f.name());
        box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-s)");
        var title = new Span(f.name() + ": ");
        title.getStyle().set("font-weight", "600");
        String summary = f.failed()
                ? "nothing imported"
                : "%s stored: %d new, %d updated, %d unchanged, in %s".formatted(plural(f.traces(), "trace"),
                        f.imported(), f.updated(), f.unchanged(), plural(f.sessions(), "session"))
                        + (f.rejected() > 0 ? "; %s not stored".formatted(plural(f.rejected(), "trace")) : "")
                        + (f.stoppedReading() != null ? "; the rest of the file was not read" : "");
        var status = Badges.of(summary,
                f.failed() ? Badges.Tone.ERROR : f.errors().isEmpty() ? Badges.Tone.SUCCESS : Badges.Tone.WARNING);
        box.add(title, status);
        if (!f.errors().isEmpty()) box.add(problems("Problems", f.errors(), "var(--lumo-error-text-color)"));
        if (!f.warnings().isEmpty()) box.add(problems("Warnings", f.warnings(), "var(--lumo-secondary-text-color)"));
        return box;
    }

    private static Component code(String text) {
        var c = new Span(text);
        c.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-size", "0.9em");
        return c;
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Component problems(String label, List<ImportProblem> list, String color) {
        var ul = new UnorderedList();
        list.stream().limit(50).forEach(p -> ul.add(new ListItem(p.describe())));   // text nodes: trace content is never HTML
        if (list.size() > 50) ul.add(new ListItem("… and " + (list.size() - 50) + " more"));
        var d = new Div(new Span(label + " (" + list.size() + ")"), ul);
        d.getStyle().set("color", color).set("font-size", "var(--lumo-font-size-s)");
        return d;
    }
}
