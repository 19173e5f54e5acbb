package io.sessionlens.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.ScorerError;
import io.sessionlens.base.ui.component.EChart;
import io.sessionlens.base.ui.component.LazyDetails;
import io.sessionlens.session.SessionDocument;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The session page's right-hand side: where it went wrong (the root cause and its chain), the judges by turn as a
 * chart ({@code onTurnClick} gets the turn of a clicked point), which judge values are failures (the editor is built
 * by {@code polarityEditor} when opened), the session-level judges, context-window findings and scorer errors.
 */
final class SessionPanel extends Div {

    SessionPanel(SessionDocument doc, IntConsumer onTurnClick, Supplier<Component> polarityEditor) {
        addClassName("sl-panel");
        setId("session-panel");

        add(new H3("Where it went wrong"));
        add(new RootCauseBox(doc));

        if (!AssessmentTimeline.judges(doc).isEmpty()) {
            add(new H3("Judges by turn"));
            var chart = new EChart();
            chart.setId("assessment-timeline");
            chart.setHeight(AssessmentTimeline.height(doc) + "px");
            chart.setOption(AssessmentTimeline.option(doc));
            chart.addPointClickListener(click -> {
                if (click.value() != null && click.value().isArray()) onTurnClick.accept(click.value().get(0).asInt());
            });
            add(chart);
        }

        add(LazyDetails.of("Which judge values are failures?", false, polarityEditor));

        add(new H3("Session judges"));
        var judges = new Div();
        judges.setId("session-judges");
        if (doc.sessionAssessments().isEmpty()) judges.add(new SmallText("No session-level assessments."));
        doc.sessionAssessments().forEach(a -> judges.add(new JudgeLine(a)));
        add(judges);

        if (!doc.contextFindings().isEmpty()) {
            add(new H3("Context window"));
            var ctx = new Div();
            ctx.setId("context-findings");
            for (ContextFinding f : doc.contextFindings()) {
                ctx.add(new Div(new Anchor("#turn-" + f.turn(), "Turn " + f.turn()),
                        new Span(" · " + f.kind().replace('_', ' ') + ": " + f.detail())));
            }
            add(ctx);
        }

        if (!doc.scorerErrors().isEmpty()) {
            add(new H3("Scorer errors (not counted)"));
            var errs = new Div();
            errs.setId("scorer-errors");
            errs.addClassName("sl-scorer-errors");
            for (ScorerError e : doc.scorerErrors()) {
                errs.add(new Div(
                        new Span(e.name() + (e.sessionLevel() ? " (session)" : "") + " · "
                                + Objects.requireNonNullElse(e.errorCode(), "") + ": "),
                        new Span(Objects.requireNonNullElse(e.message(), ""))));
            }
            add(errs);
        }
    }

}
