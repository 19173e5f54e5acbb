package io.sessionlens.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import io.sessionlens.annotation.Annotation;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.base.ui.component.SafeMarkdown;

/**
 * A teammate changed the annotation after this analyst opened it: theirs and yours side by side, and nothing is lost.
 * Keep theirs (yours stays in the dialog to copy until it closes), edit yours on top of theirs, or save yours over
 * theirs (theirs stays in the annotation's history and can be restored from there).
 */
final class ConflictDialog {
    private ConflictDialog() {}

    static Dialog open(Annotation theirs, AnnotationEditor.Draft yours, Runnable keepTheirs, Runnable editYours,
            Runnable saveYours) {
        var dialog = new Dialog();
        dialog.setId("annotation-conflict");
        dialog.addClassName("sl-annotation-conflict");
        String who = theirs.editedBy() == null ? theirs.author() : theirs.editedBy();
        dialog.setHeaderTitle("Changed by " + who + " meanwhile");
        var what = new Paragraph(who + " changed this annotation at "
                + TimeFormat.of(theirs.editedAt() == null ? theirs.createdAt() : theirs.editedAt())
                + ", after you opened it. Your version was not saved yet: choose what stands.");
        what.addClassName("sl-conflict-intro");
        var sides = new Div(side("Theirs (now saved)", "conflict-theirs", theirs.labelText(),
                SafeMarkdown.render(theirs.note())),
                side("Yours (not saved)", "conflict-yours", yours.labelText(),
                        mine(yours.note())));
        sides.addClassName("sl-conflict-sides");
        dialog.add(what, sides);
        var keep = new Button("Keep theirs", e -> {
            dialog.close();
            keepTheirs.run();
        });
        keep.setId("annotation-conflict-theirs");
        var edit = new Button("Edit mine on top of theirs", e -> {
            dialog.close();
            editYours.run();
        });
        edit.setId("annotation-conflict-edit");
        var save = new Button("Save mine", e -> {
            dialog.close();
            saveYours.run();
        });
        save.setId("annotation-conflict-mine");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setTooltipText("Theirs stays in the history: \"edited\" on the annotation shows it, and can restore it");
        dialog.getFooter().add(keep, edit, save);
        dialog.open();
        return dialog;
    }

    /** The annotation was removed meanwhile: yours can still be saved, as a new annotation. */
    static Dialog deleted(Annotation was, AnnotationEditor.Draft yours, Runnable saveAsNew) {
        var dialog = new Dialog();
        dialog.setId("annotation-conflict");
        dialog.addClassName("sl-annotation-conflict");
        dialog.setHeaderTitle("Removed meanwhile");
        dialog.add(new Paragraph("A teammate removed this annotation (by " + was.author()
                + ") after you opened it. Your text is below; save it as a new annotation or copy it."),
                side("Yours (not saved)", "conflict-yours", yours.labelText(), mine(yours.note())));
        var close = new Button("Discard mine", e -> dialog.close());
        close.setId("annotation-conflict-theirs");
        var save = new Button("Save mine as a new annotation", e -> {
            dialog.close();
            saveAsNew.run();
        });
        save.setId("annotation-conflict-new");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close, save);
        dialog.open();
        return dialog;
    }

    private static Component side(String title, String id, String label, Component note) {
        var box = new Div(new H4(title));
        box.setId(id);
        box.addClassName("sl-conflict-side");
        if (!label.isEmpty()) {
            var l = new Span(label);
            l.addClassName("sl-annotation-label-text");
            box.add(l);
        }
        box.add(note);
        return box;
    }

    private static Component mine(String note) {
        var text = new TextArea();
        text.setValue(note);
        text.setReadOnly(true);
        text.setWidthFull();
        text.setAriaLabel("Your note");
        return text;
    }
}
