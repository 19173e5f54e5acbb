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
import io.sessionlens.analysis.Signal;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnMapping;
import io.sessionlens.analysis.signal.SignalKind;
import io.sessionlens.base.ui.DurationFormat;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.base.ui.component.LazyDetails;
import io.sessionlens.base.ui.component.SafeMarkdown;
import io.sessionlens.session.TurnDocument;
import io.sessionlens.trace.model.TraceState;
import io.sessionlens.trace.ui.TraceNavigation;
import io.sessionlens.trace.ui.TraceStateBadge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One turn as a chat: the user's and the assistant's bubbles, tools and documents folded inside, errors, the turn's
 * judges with their rationale, failed scorers, signals, and how the turn was read (with an editor to read it
 * differently; {@code onUseMapping} gets the analyst's mapping, and without one the editor is left out).
 */
final class TurnCard extends Div {

    TurnCard(String experimentId, TurnDocument t, TurnMarks marks, List<ScorerError> scorerErrors,
            @Nullable Consumer<TurnMapping> onUseMapping, Component annotations, @Nullable Component pin) {
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
        if (pin != null) {
            pin.setId("pin-turn-" + t.index());
            head.add(pin);
        }
        add(head);

        add(bubble("user", t.userText(), t.truncated(), null));
        if (!t.toolCalls().isEmpty()) add(toolCalls(t.toolCalls()));
        if (!t.retrievedDocuments().isEmpty()) add(documents(t.retrievedDocuments()));
        List<ErrorGroup> errors = ErrorGroup.of(t.errorSpans());
        // A turn that ended in an error has no reply: the reply's place says which error, and the error list
        // does not say it again.
        ErrorGroup ending = t.assistantText().isBlank() && t.readFrom().source().contains("no answer")
                && !errors.isEmpty() ? errors.stream().filter(g -> !g.handled()).findFirst().orElse(null) : null;
        List<ErrorGroup> listed = errors.stream().filter(g -> g != ending).toList();
        if (!listed.isEmpty()) add(errors(listed));
        add(bubble("assistant", t.assistantText(), false, ending));
        if (!t.assessments().isEmpty()) add(assessments(t.assessments()));
        for (ScorerError e : scorerErrors) {
            if (!e.traceId().equals(t.traceId()) || e.sessionLevel()) continue;   // a session-level one is in the panel only
            var failed = new Div(new Span("Scorer error: " + SessionPanel.scorerError(e)));
            failed.addClassName("sl-scorer-errors");
            failed.setTitle("The judge itself failed: this is not a verdict and is left out of every quality signal");
            add(failed);
        }
        add(annotations);
        List<Signal> signals = t.signals().stream().filter(sig -> !SHOWN_ELSEWHERE.contains(sig.kind())).toList();
        if (!signals.isEmpty()) {
            var sig = new Div();
            sig.addClassName("sl-signals");
            for (Signal s : signals) {
                var label = new Span(SignalKind.label(s.kind()));
                label.addClassName("sl-signal-label");
                sig.add(new Div(label, new Span(" " + RootCauseBox.withoutTurn(s.detail(), t.index()))));
            }
            add(sig);
        }
        if (onUseMapping != null)   // null: a read-only transcript (the review queue's focus view)
            add(LazyDetails.of("How this turn was read", false,
                    () -> new MappingEditor(experimentId, t.readFrom(), onUseMapping)));
    }

    private static Component bubble(String role, String text, boolean truncated, @Nullable ErrorGroup ending) {
        var b = new Div();
        b.addClassNames("sl-bubble", role);
        var who = new Span("user".equals(role) ? "User" : "Assistant");
        who.addClassName("sl-role");
        b.add(who);
        if (ending != null) {
            b.addClassName("sl-no-reply");
            var none = new Div(new Span("No reply: the turn ended in an error. "), new Span(ending.sentence()));
            none.addClassName("sl-error-text");
            b.add(none);
            if (ending.stackTrace() != null)
                b.add(LazyDetails.of("Stack trace", false, () -> new Pre(ending.stackTrace())));
        } else if (text.isBlank()) {
            var none = new Span("user".equals(role) ? "(no user message found)" : "(no assistant reply found)");
            none.addClassName("sl-missing");
            b.add(none);
        } else {
            b.add(SafeMarkdown.render(text));
        }
        if (truncated) b.add(new SmallText("cut at 250 characters by MLflow (read from trace metadata)"));
        return b;
    }

    /** Kinds of signal the card already shows: the state badge, the error list, the tool calls, the judges, the documents. */
    static final Set<String> SHOWN_ELSEWHERE = Set.of(SignalKind.ERROR_STATE, SignalKind.ERROR_SPAN,
            SignalKind.TOOL_ERROR, SignalKind.FAILING_ASSESSMENT, SignalKind.OUTDATED_DOCUMENT);

    /**
     * Spans that failed with the same error (an agent span and the tool span under it both carry the 503), said once:
     * "reset_mfa_token (and it_helpdesk_agent): Server error '503 …'".
     */
    record ErrorGroup(List<String> names, String message, @Nullable String stackTrace, boolean handled) {
        static List<ErrorGroup> of(List<ErrorSpan> spans) {
            Map<String, ErrorGroup> byError = new LinkedHashMap<>();
            // the innermost span first: origins are listed after the spans they failed in
            for (ErrorSpan e : spans.reversed()) {
                String message = (e.exceptionType() == null ? "" : e.exceptionType() + ": ")
                        + Objects.requireNonNullElse(e.message(), "");
                String key = (e.handled() ? "handled\u0000" : "") + message.strip();
                ErrorGroup g = byError.get(key);
                if (g == null) {
                    byError.put(key, new ErrorGroup(new ArrayList<>(List.of(e.name())), message.strip(),
                            e.stackTrace(), e.handled()));
                } else if (!g.names.contains(e.name())) {
                    g.names.add(e.name());
                }
            }
            List<ErrorGroup> out = new ArrayList<>(byError.values());
            return out.reversed();
        }

        String sentence() {
            String who = names.getFirst() + (names.size() == 1
                    ? ""
                    : " (and " + String.join(", ", names.subList(1, names.size())) + ")");
            return who + (message.isEmpty() ? " failed" : ": " + message);
        }
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
            var call = new Span(c.name() + "(" + Objects.requireNonNullElse(c.arguments(), "") + ")");
            call.addClassName("sl-tool-call");
            row.add(call);
            if (c.error() != null) {
                var error = new Div(new Span("failed: " + c.error()));
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
            if (doc.outdated()) {
                var outdated = new Div(Badges.of("outdated", Badges.Tone.ERROR),
                        new Span(" " + Objects.requireNonNullElse(doc.outdatedReason(), "")));
                outdated.addClassName("sl-outdated");
                row.add(outdated);
            }
            row.add(new Pre(clip(doc.snippet(), 1500)));
            list.add(row);
        }
        return list;
    }

    private static Component errors(List<ErrorGroup> errors) {
        var box = new Div();
        box.addClassName("sl-errors");
        for (ErrorGroup e : errors) {
            var line = new Div(new Span((e.handled() ? "⚠ handled: " : "✖ ") + e.sentence()));
            line.addClassName("sl-error-line");
            box.add(line);
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
