package io.sessionlens.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import io.sessionlens.trace.ExperimentNames;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An experiment as a header shows it: its name with the id as secondary text (or the id alone), and a pencil that
 * names it (the name is an experiment setting: every page then shows it).
 */
class ExperimentTag extends Span {
    private final String experimentId;
    private final Function<@Nullable String, Optional<String>> rename;
    private final Span name = new Span();
    private final Span id = new Span();

    ExperimentTag(String experimentId, Optional<String> current, Function<@Nullable String, Optional<String>> rename) {
        this.experimentId = experimentId;
        this.rename = rename;
        addClassName("sl-experiment-tag");
        setId("experiment-tag");
        name.addClassName("sl-experiment-name");
        id.addClassName("sl-experiment-id");
        var edit = new Button(VaadinIcon.PENCIL.create(), e -> openEditor());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        edit.setId("rename-experiment");
        edit.setAriaLabel("Name this experiment");
        edit.setTooltipText("Name this experiment");
        add(new Span("experiment "), name, id, edit);
        show(current);
    }

    private void show(Optional<String> current) {
        name.setText(current.orElse(experimentId));
        id.setText(current.isPresent() ? " " + experimentId : "");
        id.setVisible(current.isPresent());
    }

    private void openEditor() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Name experiment " + experimentId);
        var field = new TextField("Name");
        field.setId("experiment-name-field");
        field.setMaxLength(ExperimentNames.MAX_LENGTH);
        field.setWidthFull();
        field.setValue(name.getText().equals(experimentId) ? "" : name.getText());
        field.setHelperText("Shown instead of the id in lists, filters and headers; empty shows the id again.");
        var save = new Button("Save", e -> {
            show(rename.apply(field.getValue()));
            dialog.close();
        });
        save.setId("save-experiment-name");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> dialog.close());
        dialog.add(new Paragraph("MLflow's trace exports carry the experiment's id only."), field);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        field.focus();
    }
}
