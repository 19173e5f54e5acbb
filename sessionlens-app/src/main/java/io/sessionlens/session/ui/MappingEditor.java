package io.sessionlens.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.sessionlens.analysis.ReadFrom;
import io.sessionlens.analysis.TurnMapping;
import io.sessionlens.base.security.CurrentUser;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * "How this turn was read": where the analysis found the turn's text, and a form to read the experiment's turns from
 * another span or key instead. Saving hands the {@link TurnMapping} to {@code onSave}; the view stores it.
 */
final class MappingEditor extends Div {
    final TextField span = new TextField("Span name or path");
    final TextField input = new TextField("Input key");
    final TextField output = new TextField("Output key");
    final Button save;

    MappingEditor(String experimentId, @Nullable ReadFrom readFrom, Consumer<TurnMapping> onSave) {
        add(new Paragraph("Read from: " + describe(readFrom)));
        span.setValue(readFrom == null || readFrom.spanName() == null ? "" : readFrom.spanName());
        input.setValue(readFrom == null ? "" : readFrom.inputKey());
        output.setValue(readFrom == null ? "" : readFrom.outputKey());
        save = new Button("Use for experiment " + experimentId,
                e -> onSave.accept(new TurnMapping(span.getValue(), input.getValue(), output.getValue())));
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        save.setVisible(CurrentUser.canManage());   // the settings of a whole experiment: managers and admins
        span.setReadOnly(!CurrentUser.canManage());
        input.setReadOnly(!CurrentUser.canManage());
        output.setReadOnly(!CurrentUser.canManage());
        var form = new FlexLayout(span, input, output, save);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassName("sl-mapping-form");
        add(form);
    }

    static String describe(@Nullable ReadFrom r) {
        if (r == null) return "not analysed";
        return "%s%s — input key %s, output key %s, format %s".formatted(r.source(),
                r.spanName() == null ? "" : " \"" + r.spanName() + "\"", wholeIfBlank(r.inputKey()),
                wholeIfBlank(r.outputKey()),
                r.format());
    }

    private static String wholeIfBlank(String key) {
        return key.isBlank() ? "(whole value)" : key;
    }
}
