package io.sessionlens.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.session.HumanVerdict;
import io.sessionlens.session.SessionDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The analyst's verdict on the root cause (issue #12): the verdict that stands if a reviewer gave one, and the controls to
 * confirm the automatic one, move it to another turn or kind, say there is none, or withdraw one's verdict. The view
 * stores what it is handed; a verdict changed meanwhile by a colleague comes back as a conflict, never overwritten.
 */
final class VerdictEditor extends Div {
    /** What the analyst decided: {@code turn} null for "no root cause"; {@code version} the verdict version seen. */
    record Decision(@Nullable Integer turn, @Nullable String kind, String note, @Nullable Long version) {}

    static final String NONE = "No root cause";

    private @Nullable Div form;

    VerdictEditor(SessionDocument doc, boolean canWrite, Consumer<Decision> onDecide, Runnable onWithdraw) {
        setId("verdict-editor");
        addClassName("sl-verdict");
        HumanVerdict human = doc.humanVerdict();
        RootCause auto = doc.rootCause();
        if (human != null) {
            add(new H4("Reviewer's verdict"));
            var line = new Paragraph(human.turn() == null
                    ? "No root cause"
                    : "Turn " + human.turn() + " · " + label(human.kind()));
            line.setId("human-verdict");
            line.addClassName("sl-verdict-line");
            add(line);
            var by = new Span("by " + human.reviewer() + ", " + TimeFormat.of(human.decidedAt()));
            by.addClassName("sl-small");
            by.setId("human-verdict-by");
            add(by);
            if (!human.note().isBlank()) {
                var note = new Paragraph(human.note());   // as text: never markup
                note.setId("human-verdict-note");
                note.addClassName("sl-verdict-note");
                add(note);
            }
        }
        if (canWrite) addControls(doc, human, auto, onDecide, onWithdraw);
        if (human != null)
            add(sub(auto == null ? "The analysis found no root cause." : "What the analysis found:"));
    }

    /** True while the analyst has the verdict form open: a teammate's change must not redraw it away. */
    boolean isEditing() {
        return form != null && form.isVisible();
    }

    private void addControls(SessionDocument doc, @Nullable HumanVerdict human, @Nullable RootCause auto,
            Consumer<Decision> onDecide, Runnable onWithdraw) {

        var actions = new Div();
        actions.addClassName("sl-verdict-actions");
        Long version = human == null ? null : human.version();
        if (auto != null && (human == null || !same(human, auto))) {
            var confirm = new Button(human == null ? "Confirm" : "Back to the analysis' turn",
                    e -> onDecide.accept(new Decision(auto.turn(), auto.kind().wire(), "", version)));
            confirm.setId("verdict-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(confirm);
        }
        var change = new Button(human == null ? "Correct it…" : "Change…");
        change.setId("verdict-change");
        change.addThemeVariants(ButtonVariant.LUMO_SMALL);
        actions.add(change);
        if (human != null) {
            var withdraw = new Button("Withdraw my verdict", e -> onWithdraw.run());
            withdraw.setId("verdict-withdraw");
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(withdraw);
        }
        add(actions);

        var form = form(doc, human, auto, version, onDecide);
        this.form = form;
        form.setVisible(false);
        change.addClickListener(e -> {
            form.setVisible(!form.isVisible());
            actions.setVisible(!form.isVisible());
        });
        add(form);
    }

    private Div form(SessionDocument doc, @Nullable HumanVerdict human, @Nullable RootCause auto,
            @Nullable Long version, Consumer<Decision> onDecide) {
        var turn = new Select<String>();
        turn.setId("verdict-turn");
        turn.setLabel("Where it went wrong");
        List<String> turns = new ArrayList<>();
        turns.add(NONE);
        for (int i = 1; i <= doc.turns().size(); i++) turns.add("Turn " + i);
        turn.setItems(turns);
        Integer current = human != null ? human.turn() : auto != null ? auto.turn() : null;
        turn.setValue(current == null ? NONE : "Turn " + current);

        var kind = new Select<RootCauseKind>();
        kind.setId("verdict-kind");
        kind.setLabel("Kind");
        kind.setItems(RootCauseKind.values());
        kind.setItemLabelGenerator(RootCauseKind::label);
        String currentKind = human != null ? human.kind() : auto != null ? auto.kind().wire() : null;
        if (currentKind != null) kind.setValue(RootCauseKind.ofWire(currentKind));
        kind.setEnabled(current != null);
        turn.addValueChangeListener(e -> kind.setEnabled(!NONE.equals(e.getValue())));

        var note = new TextArea("Note");
        note.setId("verdict-note");
        note.setPlaceholder("Why: what you saw in the transcript");
        note.setMaxLength(10_000);
        note.setWidthFull();

        var save = new Button("Save verdict", e -> {
            Integer t = NONE.equals(turn.getValue()) ? null : Integer.parseInt(turn.getValue().substring(5));
            onDecide.accept(new Decision(t, t == null || kind.getValue() == null ? null : kind.getValue().wire(),
                    note.getValue(), version));
        });
        save.setId("verdict-save");
        save.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        var form = new Div(turn, kind, note, save);
        form.setId("verdict-form");
        form.addClassName("sl-verdict-form");
        return form;
    }

    private static boolean same(HumanVerdict human, RootCause auto) {
        return human.turn() != null && human.turn() == auto.turn() && auto.kind().wire().equals(human.kind());
    }

    private static String label(@Nullable String wire) {
        try {
            return wire == null ? "" : RootCauseKind.ofWire(wire).label();
        } catch (IllegalArgumentException unknown) {
            return wire;
        }
    }

    private static Span sub(String text) {
        var s = new Span(text);
        s.addClassName("sl-verdict-sub");
        return s;
    }
}
