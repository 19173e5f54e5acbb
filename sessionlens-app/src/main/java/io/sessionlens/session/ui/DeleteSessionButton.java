package io.sessionlens.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/** "Delete session", with a confirmation that names the session, its experiment and what goes with it. */
class DeleteSessionButton extends Button {

    DeleteSessionButton(String sessionId, String experiment, int turns, Runnable delete) {
        super("Delete session", VaadinIcon.TRASH.create());
        setId("delete-session");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        addClickListener(e -> {
            var dialog = new ConfirmDialog();
            dialog.setId("confirm-delete-session");
            dialog.setHeader("Delete this session?");
            dialog.setText(new Div(new Paragraph("Session " + sessionId + " of experiment " + experiment + ": "
                    + turns + (turns == 1 ? " turn" : " turns")
                    + " (its traces, with their spans and judges' assessments) will be deleted."),
                    new Paragraph("This cannot be undone; importing its traces again brings it back.")));
            dialog.setCancelable(true);
            dialog.setCancelText("Keep it");
            dialog.setConfirmText("Delete session");
            dialog.setConfirmButtonTheme("error primary");
            dialog.addConfirmListener(c -> delete.run());
            dialog.open();
        });
    }
}
