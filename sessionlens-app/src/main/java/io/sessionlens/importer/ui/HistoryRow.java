package io.sessionlens.importer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.importer.ImportDeletion;
import io.sessionlens.importer.ImportSummary;
import java.util.function.Consumer;

/** One past import in the history, with its delete button, and the confirmation that names what goes. */
final class HistoryRow {
    /** File names listed by name in a row; the rest are counted. */
    static final int NAMED_FILES = 3;

    private HistoryRow() {}

    static Component of(ImportSummary s, Consumer<ImportSummary> onDelete) {
        var row = new Div();
        row.addClassName("import-history-row");
        row.getElement().setAttribute("data-import", Long.toString(s.id()));
        var when = new Span(TimeFormat.minutes(s.startedAt()) + " UTC");
        when.addClassName("import-history-when");
        var files = new Span(files(s));
        files.addClassName("import-history-files");
        var counts = new Span(counts(s));
        counts.addClassName("import-history-counts");
        var delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> onDelete.accept(s));
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.SMALL);
        delete.addClassName("import-history-delete");
        delete.setAriaLabel("Delete import " + s.id() + " (" + files(s) + ")");
        var text = new Div(when, files, counts);
        text.addClassName("import-history-text");
        row.add(text, delete);
        return row;
    }

    static String files(ImportSummary s) {
        var names = s.files().stream().limit(NAMED_FILES).toList();
        String listed = String.join(", ", names);
        int more = s.files().size() - names.size();
        return more > 0 ? listed + " and " + ResultBox.plural(more, "more file") : listed;
    }

    static String counts(ImportSummary s) {
        String run = s.finishedAt() == null ? " · not finished" : "";
        return "%d new, %d updated, %d unchanged, %d rejected · %s · %s still stored%s".formatted(
                s.tracesImported(), s.tracesUpdated(), s.tracesUnchanged(), s.tracesRejected(),
                ResultBox.plural(s.sessions(), "session"), ResultBox.plural(s.tracesStillStored(), "trace"), run);
    }

    /** Names the import, what goes and what stays, before anything is deleted. */
    static void confirm(ImportSummary s, ImportDeletion plan, Runnable delete) {
        var dialog = new ConfirmDialog();
        dialog.setId("confirm-delete-import");
        dialog.setHeader("Delete this import?");
        var text = new Div(
                new Paragraph("Import of " + TimeFormat.minutes(s.startedAt()) + " UTC: " + files(s) + "."),
                new Paragraph(plan.traces() == 0
                        ? "None of its traces is stored any more: only the entry in the history goes."
                        : "This deletes " + ResultBox.plural(plan.traces(), "trace") + " in "
                                + ResultBox.plural(plan.sessions(), "session")
                                + " (sessions that also hold traces of other imports keep those turns)."));
        if (plan.keptTraces() > 0)
            text.add(new Paragraph(ResultBox.plural(plan.keptTraces(), "trace")
                    + " of this import stay, because another import delivered them too."));
        text.add(new Paragraph("This cannot be undone; importing the files again brings the traces back."));
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        dialog.setConfirmText("Delete import");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete.run());
        dialog.open();
    }

    static void notifyDeleted(ImportDeletion d) {
        Notification.show("Import deleted: " + ResultBox.plural(d.traces(), "trace") + " in "
                + ResultBox.plural(d.sessions(), "session") + " removed"
                + (d.keptTraces() > 0 ? "; " + d.keptTraces() + " kept (another import has them)" : ""))
                .setPosition(Notification.Position.BOTTOM_START);
    }
}
