package io.sessionlens.investigation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.sessionlens.base.ui.EvidencePins.Evidence;
import io.sessionlens.investigation.InvestigationService;
import io.sessionlens.investigation.InvestigationSummary;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Pins evidence: to an open investigation, or to a new one named here, with a quote prefilled with something useful
 * (the judge's rationale, the span's error, the turn's text) and editable. For several sessions at once each gets its
 * own suggested quote.
 */
final class PinDialog extends Dialog {
    static final String EXISTING = "An open investigation";
    static final String NEW = "A new investigation";

    /** What the analyst chose: an investigation id, or the title of a new one; the quote (null: each suggested). */
    record Choice(@Nullable Long investigationId, @Nullable String newTitle, @Nullable String quote) {}

    PinDialog(List<Evidence> evidence, List<InvestigationSummary> open, @Nullable String suggestedQuote,
            Consumer<Choice> onPin) {
        setId("pin-dialog");
        setHeaderTitle(evidence.size() == 1
                ? "Pin " + evidence.getFirst().label()
                : "Add " + evidence.size() + " sessions to an investigation");
        setWidth("min(560px, 96vw)");
        var where = new RadioButtonGroup<String>("Pin to");
        where.setId("pin-where");
        where.setItems(EXISTING, NEW);
        var existing = new ComboBox<InvestigationSummary>("Investigation");
        existing.setId("pin-investigation");
        existing.setItems(open);
        existing.setItemLabelGenerator(InvestigationSummary::title);
        existing.setWidthFull();
        var title = new TextField("Title of the new investigation");
        title.setId("pin-new-title");
        title.setWidthFull();
        title.setMaxLength(InvestigationService.MAX_TITLE);
        where.addValueChangeListener(e -> {
            existing.setVisible(EXISTING.equals(e.getValue()));
            title.setVisible(NEW.equals(e.getValue()));
        });
        where.setValue(open.isEmpty() ? NEW : EXISTING);
        if (!open.isEmpty()) existing.setValue(open.getFirst());
        else
            where.setItemEnabledProvider(NEW::equals);
        add(where, existing, title);

        TextArea quote = null;
        if (evidence.size() == 1) {
            quote = new TextArea("Quote: what matters here");
            quote.setId("pin-quote");
            quote.setWidthFull();
            quote.setMaxLength(InvestigationService.MAX_QUOTE);
            quote.setValue(suggestedQuote == null ? "" : suggestedQuote);
            quote.setHelperText("Prefilled from the evidence; edit it to say why it matters.");
            add(quote);
        } else {
            add(new Paragraph("Each session is pinned with its own verdict evidence as the quote; edit the quotes on"
                    + " the investigation's page."));
        }
        TextArea q = quote;
        var pin = new Button(evidence.size() == 1 ? "Pin" : "Add " + evidence.size() + " sessions", e -> {
            if (NEW.equals(where.getValue())) {
                if (title.getValue().isBlank()) {
                    title.setInvalid(true);
                    title.setErrorMessage("Give the new investigation a title");
                    return;
                }
                onPin.accept(new Choice(null, title.getValue(), q == null ? null : q.getValue()));
            } else {
                if (existing.getValue() == null) {
                    existing.setInvalid(true);
                    existing.setErrorMessage("Pick an investigation");
                    return;
                }
                onPin.accept(new Choice(existing.getValue().id(), null, q == null ? null : q.getValue()));
            }
            close();
        });
        pin.setId("pin-confirm");
        pin.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Cancel", e -> close());
        cancel.setId("pin-cancel");
        getFooter().add(cancel, pin);
    }
}
