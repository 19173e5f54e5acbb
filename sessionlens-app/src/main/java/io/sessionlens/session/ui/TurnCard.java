package io.sessionlens.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ErrorSpan;
import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.analysis.ScorerError;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnMapping;
import io.sessionlens.base.ui.DurationFormat;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.base.ui.component.LazyDetails;
import io.sessionlens.base.ui.component.SafeMarkdown;
import io.sessionlens.session.TurnDocument;
import io.sessionlens.trace.model.TraceState;
import io.sessionlens.trace.ui.TraceNavigation;
import io.sessionlens.trace.ui.TraceStateBadge;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One turn as a chat: the user's and the assistant's bubbles, tools and documents folded inside, errors, the turn's
 * judges with their rationale, failed scorers, signals, and how the turn was read (with an editor to read it
 * differently; {@code onUseMapping} gets the analyst's mapping).
 */
final class TurnCard extends Div {

    TurnCard(String experimentId, TurnDocument t, TurnMarks marks, List<ScorerError> scorerErrors,
            Consumer<TurnMapping> onUseMapping) {
        boolean cause = marks.cause(t.index()), flagged = marks.flagged(t.index());
        addClassName("sl-turn");
        setId("turn-" + t.index());
        getElement().setAttribute("data-turn", Integer.toString(t.index()));
        if (cause) addClassName("root-cause");
        if (flagged) addClassName("flagged");

        var head = new Div();
        head.addClassName("sl-turn-head");
        head.add(new Span("Turn " + t.index()), new SmallText(TimeFormat.of(t.requestTime())),
                new SmallText(DurationFormat.ofMillis(t.durationMs())),
                TraceStateBadge.of(TraceState.parse(t.state())));
        if (cause) head.add(Badges.of("root cause", Badges.Tone.ERROR));
        else if (marks.inChain(t.index())) head.add(Badges.of("builds on the root cause", Badges.Tone.WARNING));
        if (flagged && !cause) head.add(Badges.of("flagged", Badges.Tone.WARNING));
        var spans = new Anchor(TraceNavigation.traceUrl(t.traceId()), "Span tree (" + t.spanCount() + ")");
        spans.addClassName("sl-span-link");
        head.add(spans);
        add(head);

        add(bubble("user", t.userText(), t.truncated()));
        if (!t.toolCalls().isEmpty()) add(toolCalls(t.toolCalls()));
        if (!t.retrievedDocuments().isEmpty()) add(documents(t.retrievedDocuments()));
        if (!t.errorSpans().isEmpty()) add(errors(t.errorSpans()));
        add(bubble("assistant", t.assistantText(), false));
        if (!t.assessments().isEmpty()) add(assessments(t.assessments()));
        for (ScorerError e : scorerErrors) {
            if (!e.traceId().equals(t.traceId()) || e.sessionLevel()) continue;   // a session-level one is in the panel only
            var failed = new Div(
                    new Span("scorer error · " + e.name() + (e.errorCode() == null ? "" : " (" + e.errorCode() + ")")
                            + ": " + Objects.requireNonNullElse(e.message(), "")));
            failed.addClassName("sl-scorer-errors");
            failed.setTitle("The judge itself failed: this is not a verdict and is left out of every quality signal");
            add(failed);
        }
        if (!t.signals().isEmpty()) {
            var sig = new Div();
            sig.addClassName("sl-signals");
            t.signals().forEach(s -> sig.add(new Div(new Span(s.kind() + ": "), new Span(s.detail()))));
            add(sig);
        }
        add(LazyDetails.of("How this turn was read", false,
                () -> new MappingEditor(experimentId, t.readFrom(), onUseMapping)));
    }

    private static Component bubble(String role, String text, boolean truncated) {
        var b = new Div();
        b.addClassNames("sl-bubble", role);
        var who = new Span("user".equals(role) ? "User" : "Assistant");
        who.addClassName("sl-role");
        b.add(who);
        if (text.isBlank()) {
            var none = new Span("user".equals(role) ? "(no user message found)" : "(no assistant reply found)");
            none.addClassName("sl-missing");
            b.add(none);
        } else {
            b.add(SafeMarkdown.render(text));
        }
        if (truncated) b.add(new SmallText("cut at 250 characters by MLflow (read from trace metadata)"));
        return b;
    }

    private static Component toolCalls(List<ToolCall> calls) {
        return LazyDetails.of(
                "Tool calls (" + calls.size() + ")"
                        + (calls.stream().anyMatch(c -> c.error() != null) ? " — failed" : ""),
                false, () -> toolCallList(calls));
    }

    private static Component toolCallList(List<ToolCall> calls) {
        var list = new Div();
        for (ToolCall c : calls) {
            var row = new Div();
            row.addClassName("sl-tool");
            row.add(new Span(c.name() + "(" + Objects.requireNonNullElse(c.arguments(), "") + ")"));
            if (c.error() != null) {
                var error = new Span("error: " + c.error());
                error.addClassName("sl-error-text");
                row.add(error);
            } else if (c.result() != null) {
                row.add(new Pre(clip(c.result(), 2000)));
            }
            list.add(row);
        }
        return list;
    }

    private static Component documents(List<RetrievedDocument> docs) {
        long outdated = docs.stream().filter(RetrievedDocument::outdated).count();
        return LazyDetails.of(
                "Retrieved documents (" + docs.size() + ")" + (outdated > 0 ? " — " + outdated + " outdated" : ""),
                outdated > 0, () -> documentList(docs));
    }

    private static Component documentList(List<RetrievedDocument> docs) {
        var list = new Div();
        for (RetrievedDocument doc : docs) {
            var row = new Div();
            row.addClassName("sl-doc");
            String name = doc.uri() != null ? doc.uri() : doc.id() != null ? doc.id() : "document";
            row.add(new Span(name
                    + (doc.score() == null ? "" : "  · score " + String.format(Locale.ROOT, "%.2f", doc.score()))));
            if (doc.outdated())
                row.add(Badges.of("outdated: " + Objects.requireNonNullElse(doc.outdatedReason(), ""),
                        Badges.Tone.ERROR));
            row.add(new Pre(clip(doc.snippet(), 1500)));
            list.add(row);
        }
        return list;
    }

    private static Component errors(List<ErrorSpan> errors) {
        var box = new Div();
        box.addClassName("sl-errors");
        for (ErrorSpan e : errors) {
            box.add(new Div(new Span("✖ " + e.name() + ": "),
                    new Span(Objects.requireNonNullElse(e.exceptionType(), "") + (e.exceptionType() == null ? "" : ": ")
                            + Objects.requireNonNullElse(e.message(), ""))));
            if (e.stackTrace() != null) box.add(LazyDetails.of("Stack trace", false, () -> new Pre(e.stackTrace())));
        }
        return box;
    }

    private static Component assessments(List<AssessmentView> list) {
        var box = new Div();
        box.addClassName("sl-assessments");
        for (AssessmentView a : list) box.add(new JudgeLine(a));
        return box;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + (s.length() - max) + " more characters)";
    }

}
