package io.sessionlens.annotation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.sessionlens.annotation.Annotation;
import io.sessionlens.annotation.LabelSchema;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The dialog that writes an annotation: a label from the schemas that fit what is annotated (its value picked from the
 * options, a number in range, or text; the schema's instructions beside it) and a Markdown note. The service checks
 * what is saved; its message shows in the dialog, which stays open with everything typed.
 */
final class AnnotationEditor {
    /** What the analyst wrote, and the version of the annotation it was written on. */
    record Draft(@Nullable String label, @Nullable String value, String note, long version) {
        Draft withVersion(long v) {
            return new Draft(label, value, note, v);
        }

        String labelText() {
            return label == null ? "" : label + ": " + value;
        }
    }

    private AnnotationEditor() {}

    /** {@code onSave} answers null when saved (the dialog closes), else the message to show. */
    static Dialog open(String title, List<LabelSchema> schemas, @Nullable Annotation editing, @Nullable Draft start,
            Function<Draft, @Nullable String> onSave) {
        var dialog = new Dialog();
        dialog.setId("annotation-editor");
        dialog.addClassName("sl-annotation-editor");
        dialog.setHeaderTitle(title);
        String label = start != null ? start.label() : editing == null ? null : editing.labelName();
        String value = start != null ? start.value() : editing == null ? null : editing.labelValue();
        String noteText = start != null ? start.note() : editing == null ? "" : editing.note();
        long version = start != null ? start.version() : editing == null ? 0 : editing.version();

        var schema = new Select<LabelSchema>();
        schema.setId("annotation-label");
        schema.setLabel("Label");
        schema.setItems(schemas);
        schema.setItemLabelGenerator(s -> s == null ? "No label" : s.title() + " (" + s.name() + ")");
        schema.setEmptySelectionAllowed(true);
        schema.setEmptySelectionCaption("No label");
        schema.setWidthFull();
        if (schemas.isEmpty())
            schema.setHelperText("This experiment has no label schemas yet; a manager adds them in"
                    + " the session panel.");
        var valueBox = new Div();
        valueBox.addClassName("sl-annotation-value");
        var instructions = new Paragraph();
        instructions.addClassName("sl-annotation-instructions");
        Supplier<@Nullable String>[] read = new Supplier[]{() -> null};
        Runnable showValue = () -> {
            valueBox.removeAll();
            LabelSchema s = schema.getValue();
            instructions.setText(s == null ? "" : s.instructions());
            instructions.setVisible(s != null && !s.instructions().isBlank());
            if (s == null) {
                read[0] = () -> null;
                return;
            }
            String keep = s.name().equals(label) ? value : null;
            Component field;
            switch (s.type()) {
                case CATEGORICAL -> {
                    var pick = new Select<String>();
                    pick.setItems(s.options());
                    if (keep != null && s.options().contains(keep)) pick.setValue(keep);
                    read[0] = pick::getValue;
                    field = pick;
                }
                case NUMERIC -> {
                    var number = new NumberField();
                    if (s.min() != null) number.setMin(s.min());
                    if (s.max() != null) number.setMax(s.max());
                    number.setHelperText(range(s));
                    if (keep != null) number.setValue(parse(keep));
                    read[0] = () -> number.getValue() == null
                            ? number.getElement().getProperty("value", "")
                            : plain(number.getValue());
                    field = number;
                }
                default -> {
                    var text = new TextField();
                    text.setMaxLength(1000);
                    if (keep != null) text.setValue(keep);
                    read[0] = text::getValue;
                    field = text;
                }
            }
            field.setId("annotation-value");
            ((com.vaadin.flow.component.HasLabel) field).setLabel(s.title());
            ((com.vaadin.flow.component.HasSize) field).setWidthFull();
            valueBox.add(field);
        };
        schemas.stream().filter(s -> s.name().equals(label)).findFirst().ifPresent(schema::setValue);
        schema.addValueChangeListener(e -> showValue.run());
        showValue.run();

        var note = new TextArea("Note (Markdown)");
        note.setId("annotation-note");
        note.setMaxLength(Annotation.NOTE_MAX);
        note.setWidthFull();
        note.setMinHeight("8em");
        note.setValue(noteText);
        var error = new Paragraph();
        error.setId("annotation-error");
        error.addClassName("sl-form-error");
        error.setVisible(false);

        var save = new Button("Save", e -> {
            LabelSchema s = schema.getValue();
            String problem = onSave.apply(new Draft(s == null ? null : s.name(), s == null ? null : read[0].get(),
                    note.getValue(), version));
            if (problem == null) dialog.close();
            else {
                error.setText(problem);
                error.setVisible(true);
            }
        });
        save.setId("annotation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("annotation-cancel");
        var form = new Div(schema, instructions, valueBox, note, error);
        form.addClassName("sl-annotation-form");
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        return dialog;
    }

    static String range(LabelSchema s) {
        if (s.min() == null && s.max() == null) return "Any number";
        return "From " + (s.min() == null ? "…" : plain(s.min())) + " to " + (s.max() == null ? "…" : plain(s.max()));
    }

    private static String plain(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static @Nullable Double parse(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
