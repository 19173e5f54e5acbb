package io.sessionlens.annotation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.sessionlens.annotation.AnnotationProblem;
import io.sessionlens.annotation.AnnotationTarget;
import io.sessionlens.annotation.LabelSchema;
import io.sessionlens.annotation.LabelSchemaDraft;
import io.sessionlens.annotation.LabelType;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The experiment's label schemas in the session panel: what each asks for, and for managers the editor that adds,
 * changes and removes them (the service audits each change). Others read them, and see who may change them.
 */
@StyleSheet("context://styles/annotations.css")
final class LabelSchemaList extends Details {
    private final String experimentId;
    private final AnnotationActions actions;
    private final Runnable onChanged;
    private final Div list = new Div();

    LabelSchemaList(String experimentId, AnnotationActions actions, Runnable onChanged) {
        this.experimentId = experimentId;
        this.actions = actions;
        this.onChanged = onChanged;
        setSummaryText("Label schemas");
        setId("label-schemas");
        addClassName("sl-label-schemas");
        list.addClassName("sl-label-schema-list");
        add(list);
        render();
    }

    private void render() {
        list.removeAll();
        List<LabelSchema> schemas = actions.schemas(experimentId);
        setSummaryText("Label schemas (" + schemas.size() + ")");
        if (schemas.isEmpty())
            list.add(small("No label schemas yet: annotations carry notes only."));
        for (LabelSchema s : schemas) {
            var row = new Div();
            row.addClassName("sl-label-schema");
            row.getElement().setAttribute("data-name", s.name());
            var name = new Span(s.title());
            name.addClassName("sl-label-schema-title");
            row.add(name, small(s.name() + " · " + describe(s)));
            if (actions.mayManage()) {
                var edit = new Button("Edit", e -> openEditor(s));
                edit.addClassName("sl-label-schema-edit");
                var remove = new Button("Remove", e -> confirmRemove(s));
                remove.addClassName("sl-label-schema-remove");
                for (Button b : List.of(edit, remove))
                    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
                row.add(new Div(edit, remove));
            }
            list.add(row);
        }
        if (actions.mayManage()) {
            var add = new Button("Add label schema", VaadinIcon.PLUS.create(), e -> openEditor(null));
            add.setId("label-schema-add");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            list.add(add);
        } else {
            list.add(small("A manager or an admin adds and changes label schemas."));
        }
    }

    static String describe(LabelSchema s) {
        String what = switch (s.type()) {
            case CATEGORICAL -> "one of " + String.join(", ", s.options());
            case NUMERIC -> "a number, " + AnnotationEditor.range(s).toLowerCase(java.util.Locale.ROOT);
            case TEXT -> "free text";
        };
        return what + " · on " + (s.target() == AnnotationTarget.ANY ? "anything" : "a " + s.target().wire());
    }

    private static Span small(String text) {
        var s = new Span(text);
        s.addClassName("sl-small");
        return s;
    }

    private void changed() {
        render();
        onChanged.run();
    }

    private void confirmRemove(LabelSchema s) {
        var dialog = new ConfirmDialog("Remove label schema " + s.name() + "?",
                "Annotations keep the labels they have; no new ones can use it. The audit log records the removal.",
                "Remove", e -> {
                    try {
                        actions.deleteSchema(s.id(), s.version());
                        Notification.show("Label schema " + s.name() + " removed", 3000,
                                Notification.Position.BOTTOM_START);
                    } catch (AnnotationProblem p) {
                        AnnotationBoard.notifyError(p.getMessage());
                    }
                    changed();
                });
        dialog.setId("label-schema-remove-confirm");
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void openEditor(@Nullable LabelSchema editing) {
        var dialog = new Dialog();
        dialog.setId("label-schema-editor");
        dialog.addClassName("sl-label-schema-editor");
        dialog.setHeaderTitle(editing == null ? "New label schema" : "Label schema " + editing.name());
        var name = new TextField("Name");
        name.setId("label-schema-name");
        name.setHelperText("Letters, digits, _ and -: the assessment name in an MLflow export");
        var title = new TextField("Title");
        title.setId("label-schema-title");
        var type = new Select<LabelType>();
        type.setId("label-schema-type");
        type.setLabel("Type");
        type.setItems(LabelType.values());
        type.setItemLabelGenerator(t -> switch (t) {
            case CATEGORICAL -> "Categorical: one of ordered options";
            case NUMERIC -> "Numeric: a number in a range";
            case TEXT -> "Free text";
        });
        var options = new TextArea("Options, one per line, in order");
        options.setId("label-schema-options");
        var min = new NumberField("Min");
        min.setId("label-schema-min");
        var max = new NumberField("Max");
        max.setId("label-schema-max");
        var range = new Div(min, max);
        range.addClassName("sl-label-schema-range");
        var target = new Select<AnnotationTarget>();
        target.setId("label-schema-target");
        target.setLabel("Used on");
        target.setItems(AnnotationTarget.values());
        target.setItemLabelGenerator(
                t -> t == AnnotationTarget.ANY ? "Anything (session, turn, span)" : "A " + t.wire());
        var instructions = new TextArea("Instructions for reviewers");
        instructions.setId("label-schema-instructions");
        for (var f : List.of(name, title)) f.setWidthFull();
        for (var f : List.of(options, instructions)) f.setWidthFull();
        type.setWidthFull();
        target.setWidthFull();
        long[] version = {editing == null ? 0 : editing.version()};
        if (editing != null) {
            name.setValue(editing.name());
            title.setValue(editing.title());
            type.setValue(editing.type());
            options.setValue(String.join("\n", editing.options()));
            min.setValue(editing.min());
            max.setValue(editing.max());
            target.setValue(editing.target());
            instructions.setValue(editing.instructions());
        } else {
            type.setValue(LabelType.CATEGORICAL);
            target.setValue(AnnotationTarget.ANY);
        }
        Runnable byType = () -> {
            options.setVisible(type.getValue() == LabelType.CATEGORICAL);
            range.setVisible(type.getValue() == LabelType.NUMERIC);
        };
        type.addValueChangeListener(e -> byType.run());
        byType.run();
        var error = new Paragraph();
        error.setId("label-schema-error");
        error.addClassName("sl-form-error");
        error.setVisible(false);
        var save = new Button("Save", e -> {
            var draft = new LabelSchemaDraft(name.getValue(), title.getValue(),
                    type.getValue() == null ? null : type.getValue().wire(),
                    Arrays.stream(options.getValue().split("\n")).map(String::strip).filter(o -> !o.isEmpty()).toList(),
                    min.getValue(), max.getValue(), target.getValue() == null ? null : target.getValue().wire(),
                    instructions.getValue());
            try {
                if (editing == null) actions.createSchema(experimentId, draft);
                else if (actions.updateSchema(editing.id(), draft, version[0]).isEmpty()) {
                    error.setText("This label schema was removed meanwhile; save it again as a new one.");
                    error.setVisible(true);
                    changed();
                    return;
                }
                dialog.close();
                Notification.show("Label schema " + draft.name() + " saved", 3000, Notification.Position.BOTTOM_START);
                changed();
            } catch (AnnotationProblem.Stale stale) {
                LabelSchema theirs = (LabelSchema) stale.current();
                version[0] = theirs.version();
                error.setText("A colleague changed it meanwhile (now: " + theirs.title() + ", " + describe(theirs)
                        + "). Your form is kept: save again to put yours over theirs.");
                error.setVisible(true);
                changed();
            } catch (AnnotationProblem p) {
                error.setText(p.getMessage());
                error.setVisible(true);
            }
        });
        save.setId("label-schema-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> dialog.close());
        var form = new Div(name, title, type, options, range, target, instructions, error);
        form.addClassName("sl-label-schema-form");
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
