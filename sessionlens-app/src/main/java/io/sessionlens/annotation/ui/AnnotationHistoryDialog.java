package io.sessionlens.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.sessionlens.annotation.Annotation;
import io.sessionlens.annotation.AnnotationVersion;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.base.ui.component.SafeMarkdown;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** "edited": the annotation's versions, newest first; the author or a manager can restore an earlier one. */
final class AnnotationHistoryDialog {
    private AnnotationHistoryDialog() {}

    static Dialog open(Annotation current, List<AnnotationVersion> earlier, boolean mayRestore,
            Function<AnnotationEditor.Draft, @Nullable String> restore) {
        var dialog = new Dialog();
        dialog.setId("annotation-history");
        dialog.addClassName("sl-annotation-history");
        dialog.setHeaderTitle("Versions of this annotation");
        dialog.add(version("Now", current.labelText(), current.note(),
                current.editedBy() == null ? current.author() : current.editedBy(),
                current.editedAt() == null ? current.createdAt() : current.editedAt(), null));
        for (AnnotationVersion v : earlier) {
            Button back = null;
            if (mayRestore) {
                back = new Button("Restore this version", e -> {
                    String problem = restore.apply(new AnnotationEditor.Draft(v.labelName(), v.labelValue(), v.note(),
                            current.version()));
                    dialog.close();
                    if (problem != null) AnnotationBoard.notifyError(problem);
                });
                back.addClassName("sl-annotation-restore");
                back.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            }
            dialog.add(version("Version " + (v.version() + 1),
                    v.labelName() == null ? "" : v.labelName() + ": " + v.labelValue(), v.note(), v.writtenBy(),
                    v.writtenAt(), back));
        }
        var close = new Button("Close", e -> dialog.close());
        close.setId("annotation-history-close");
        dialog.getFooter().add(close);
        dialog.open();
        return dialog;
    }

    private static Div version(String title, String label, String note, String by, java.time.Instant at,
            @Nullable Button restore) {
        var head = new Div(new Span(title), new Span(by + " · " + TimeFormat.of(at)));
        head.addClassName("sl-annotation-meta");
        var box = new Div(head);
        box.addClassName("sl-annotation-version");
        if (!label.isEmpty()) {
            var l = new Span(label);
            l.addClassName("sl-annotation-label-text");
            box.add(l);
        }
        if (!note.isBlank()) box.add(SafeMarkdown.render(note));
        if (restore != null) box.add(restore);
        return box;
    }
}
