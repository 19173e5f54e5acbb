package io.sessionlens.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.ScorerError;
import io.sessionlens.analysis.text.TurnList;
import io.sessionlens.base.ui.component.EChart;
import io.sessionlens.base.ui.component.LazyDetails;
import io.sessionlens.session.SessionDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The session page's right-hand side: where it went wrong (the root cause and its chain), the judges by turn as a
 * chart ({@code onTurnClick} gets the turn of a clicked point), which judge values are failures (the editor is built
 * by {@code polarityEditor} when opened), the session-level judges, context-window findings and scorer errors.
 */
final class SessionPanel extends Div {

    SessionPanel(SessionDocument doc, IntConsumer onTurnClick, Supplier<Component> polarityEditor,
            Component verdictEditor, Component experimentPart) {
        addClassName("sl-panel");
        setId("session-panel");

        var verdict = new Div(new H3("Where it went wrong"), verdictEditor, new RootCauseBox(doc));
        verdict.addClassName("sl-panel-verdict");
        add(verdict);
        // Below 1100 px the panel sits under the header showing the verdict; the rest opens with this button.
        var rest = new Div();
        rest.addClassName("sl-panel-more");
        rest.setId("panel-more");
        var toggle = new Button(SHOW_MORE);
        toggle.setId("panel-toggle");
        toggle.addClassName("sl-panel-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.getElement().setAttribute("aria-controls", "panel-more");
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(e -> {
            boolean open = !hasClassName("open");
            setClassName("open", open);
            toggle.setText(open ? HIDE_MORE : SHOW_MORE);
            toggle.getElement().setAttribute("aria-expanded", Boolean.toString(open));
        });
        add(toggle, rest);

        if (!AssessmentTimeline.judges(doc).isEmpty()) {
            rest.add(new H3("Judges by turn"));
            var chart = new EChart();
            chart.setId("assessment-timeline");
            chart.setHeight(AssessmentTimeline.height(doc) + "px");
            chart.setOption(AssessmentTimeline.option(doc));
            chart.addPointClickListener(click -> {
                if (click.value() != null && click.value().isArray()) onTurnClick.accept(click.value().get(0).asInt());
            });
            rest.add(chart);
        }

        rest.add(LazyDetails.of("Which judge values are failures?", false, polarityEditor));
        rest.add(experimentPart);

        rest.add(new H3("Session judges"));
        var judges = new Div();
        judges.setId("session-judges");
        if (doc.sessionAssessments().isEmpty()) judges.add(new SmallText("No session-level assessments."));
        doc.sessionAssessments().forEach(a -> judges.add(new JudgeLine(a)));
        rest.add(judges);

        if (!doc.contextFindings().isEmpty()) {
            rest.add(new H3("Context window"));
            var ctx = new Div();
            ctx.setId("context-findings");
            for (FindingGroup g : FindingGroup.of(doc.contextFindings())) ctx.add(g.component());
            rest.add(ctx);
        }

        if (!doc.scorerErrors().isEmpty()) {
            rest.add(new H3("Scorer errors (not counted)"));
            var errs = new Div();
            errs.setId("scorer-errors");
            errs.addClassName("sl-scorer-errors");
            for (ScorerError e : doc.scorerErrors()) errs.add(new Div(new Span(scorerError(e))));
            rest.add(errs);
        }
    }

    static final String SHOW_MORE = "Show judges and details";
    static final String HIDE_MORE = "Hide judges and details";

    /** "correctness (session) failed with TIMEOUT: the judge timed out", never "· :" with empty parts. */
    static String scorerError(ScorerError e) {
        String code = Objects.requireNonNullElse(e.errorCode(), "").strip();
        String message = Objects.requireNonNullElse(e.message(), "").strip();
        return e.name() + (e.sessionLevel() ? " (session)" : "") + " failed" + (code.isEmpty() ? "" : " with " + code)
                + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * Context findings of one kind on consecutive turns, said once: "Turns 5–12: the system prompt changed from the
     * turn before", each turn's particulars folded under it. A single finding is its own sentence.
     */
    record FindingGroup(String kind, List<ContextFinding> findings) {

        static List<FindingGroup> of(List<ContextFinding> all) {
            List<FindingGroup> out = new ArrayList<>();
            for (ContextFinding f : all.stream().sorted(Comparator.comparingInt(ContextFinding::turn)).toList()) {
                FindingGroup last = out.stream().filter(g -> g.kind.equals(f.kind())).reduce((a, b) -> b).orElse(null);
                if (last != null && last.findings.getLast().turn() + 1 >= f.turn()) last.findings.add(f);
                else
                    out.add(new FindingGroup(f.kind(), new ArrayList<>(List.of(f))));
            }
            return out;
        }

        List<Integer> turns() {
            return findings.stream().map(ContextFinding::turn).distinct().toList();
        }

        /** The line as it reads: "Turn 6: the model saw …", or "Turns 5–12: the system prompt changed …". */
        String text() {
            if (turns().size() == 1) return withoutTurn(findings.getFirst());
            return ContextFinding.headline(kind);
        }

        Component component() {
            List<Integer> turns = turns();
            var line = new Div(new Anchor("#turn-" + turns.getFirst(), capitalised(TurnList.describe(turns))),
                    new Span(": " + text()));
            line.addClassName("sl-finding");
            if (turns.size() == 1) return line;
            var each = new Div();
            findings.forEach(f -> each.add(new Div(new Anchor("#turn-" + f.turn(), "Turn " + f.turn()),
                    new Span(": " + withoutTurn(f)))));
            var box = new Div(line, LazyDetails.of("Each turn (" + findings.size() + ")", false, () -> each));
            box.addClassName("sl-finding-group");
            return box;
        }

        /** The detail starts "turn 6: …", which the line's own "Turn 6" already says. */
        private static String withoutTurn(ContextFinding f) {
            String prefix = "turn " + f.turn() + ": ";
            return f.detail().startsWith(prefix) ? f.detail().substring(prefix.length()) : f.detail();
        }

        private static String capitalised(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
