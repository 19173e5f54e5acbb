package io.sessionlens.session.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.ErrorSpan;
import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.ScorerError;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnMapping;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.base.ui.component.EChart;
import io.sessionlens.base.ui.component.LazyDetails;
import io.sessionlens.base.ui.component.SafeMarkdown;
import io.sessionlens.session.ExperimentSettings;
import io.sessionlens.session.ExperimentSettingsService;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.SessionService;
import io.sessionlens.session.TurnDocument;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One session as a chat: user and assistant bubbles per turn, tools and documents folded inside the turn, per-turn
 * judges with their rationale, a turn rail with the root-cause and flagged turns marked, and a side panel with the
 * session-level judges, the root cause and its chain, context-window findings and scorer errors.
 */
@Route("sessions/:experimentId/:sessionId*")   // the rest of the path: session ids may hold slashes
class SessionView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static final int PAGE = 8;

    private final SessionService sessions;
    private final ExperimentSettingsService settings;
    private String title = "Session · SessionLens";
    private @Nullable SessionDocument doc;
    private Set<Integer> flagged = Set.of();
    private Div chat = new Div();
    private Div more = new Div();
    private int rendered;

    SessionView(SessionService sessions, ExperimentSettingsService settings) {
        this.sessions = sessions;
        this.settings = settings;
        addClassName("sl-session");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String exp = io.sessionlens.base.ui.RouteIds.decode(event.getRouteParameters().get("experimentId").orElse(""));
        String sid = io.sessionlens.base.ui.RouteIds.decode(event.getRouteParameters().get("sessionId").orElse(""));
        int turn = event.getLocation().getQueryParameters().getSingleParameter("turn").map(SessionView::parseInt).orElse(0);
        removeAll();
        sessions.session(sid, exp).ifPresentOrElse(doc -> show(doc, turn), () -> {
            add(new H2("Session not found"), new Paragraph("There is no session " + sid + " in experiment " + exp + "."),
                    new Anchor("sessions", "Back to all sessions"));
        });
    }

    private void show(SessionDocument doc, int focusTurn) {
        title = doc.sessionId() + " · SessionLens";
        this.doc = doc;
        this.flagged = flaggedTurns(doc);
        this.rendered = 0;
        RootCause rc = doc.rootCause();

        add(header(doc));
        var rail = new Div();
        rail.addClassName("sl-rail");
        rail.setId("turn-rail");
        for (TurnDocument t : doc.turns()) {
            boolean isCause = rc != null && rc.turn() == t.index();
            boolean inChain = rc != null && rc.chain().contains(t.index());
            rail.add(railItem(t, isCause, flagged.contains(t.index()), inChain));
        }
        chat = new Div();
        chat.addClassName("sl-chat");
        chat.setId("chat");
        more = new Div(new Span("Loading more turns…"));
        more.setId("turn-more");
        more.addClassName("sl-small");
        chat.add(more);
        renderUpTo(Math.max(PAGE, focusTurn));
        var body = new Div(rail, chat, sidePanel(doc));
        body.addClassName("sl-session-body");
        add(body);
        keyboardNavigation(focusTurn);
    }

    /**
     * Turn cards are rendered a page at a time (the first page at once, the next ones when the analyst scrolls near the
     * end or jumps to a later turn), so a 120-turn session paints its first turns quickly.
     */
    private void renderUpTo(int turn) {
        if (doc == null) return;
        RootCause rc = doc.rootCause();
        int target = Math.min(turn, doc.turns().size());
        while (rendered < target) {
            TurnDocument t = doc.turns().get(rendered++);
            boolean isCause = rc != null && rc.turn() == t.index();
            boolean inChain = rc != null && rc.chain().contains(t.index());
            chat.addComponentAtIndex(chat.getComponentCount() - 1, turnCard(doc, t, isCause, flagged.contains(t.index()), inChain));
        }
        more.setVisible(rendered < doc.turns().size());
    }

    @ClientCallable
    void loadMoreTurns() {
        renderUpTo(rendered + PAGE);
    }

    /** Rail, chart and root-cause links all land here: render up to the turn, then scroll to it. */
    @ClientCallable
    void showTurn(int turn) {
        renderUpTo(turn);
        scrollToTurn(turn);
    }

    private Component header(SessionDocument doc) {
        var h = new H2(doc.sessionId());
        h.addClassName("sl-session-title");
        var meta = new HorizontalLayout(Badges.of("experiment " + doc.experimentId(), Badges.Tone.NEUTRAL),
                Badges.of(doc.user().isBlank() ? "no user" : "user " + doc.user(), Badges.Tone.NEUTRAL),
                Badges.of(doc.turnCount() + (doc.turnCount() == 1 ? " turn" : " turns"), Badges.Tone.NEUTRAL),
                Badges.state(doc.state()));
        if (doc.standalone()) meta.add(Badges.of("no session id: a trace of its own", Badges.Tone.WARNING));
        meta.setSpacing(true);
        var export = new Anchor("api/sessions/" + SessionNavigation.enc(doc.sessionId()) + "/transcript.md?experimentId="
                + SessionNavigation.enc(doc.experimentId()), "Export Markdown");
        export.setTarget(AnchorTarget.BLANK);
        export.setId("export-markdown");
        var back = new Anchor("sessions", "← All sessions");
        var links = new HorizontalLayout(back, export);
        links.addClassName("sl-session-links");
        var top = new Div(links, h, meta);
        top.addClassName("sl-session-header");
        return top;
    }

    private static Component railItem(TurnDocument t, boolean cause, boolean flagged, boolean chain) {
        var a = new Anchor("#turn-" + t.index(), "Turn " + t.index());
        a.addClassName("sl-rail-item");
        a.getElement().setAttribute("data-turn", Integer.toString(t.index()));
        if (cause) {
            a.addClassName("root-cause");
            a.setTitle("Root cause: the earliest turn that explains the failure");
        } else if (flagged) {
            a.addClassName("flagged");
            a.setTitle("Flagged: a failing judge or an error in this turn");
        } else if (chain) {
            a.addClassName("chain");
            a.setTitle("Built on the root-cause turn");
        }
        return a;
    }

    private Component turnCard(SessionDocument doc, TurnDocument t, boolean cause, boolean flagged, boolean chain) {
        var card = new Div();
        card.addClassName("sl-turn");
        card.setId("turn-" + t.index());
        card.getElement().setAttribute("data-turn", Integer.toString(t.index()));
        if (cause) card.addClassName("root-cause");
        if (flagged) card.addClassName("flagged");

        var head = new Div();
        head.addClassName("sl-turn-head");
        head.add(new Span("Turn " + t.index()), small(TIME.format(t.requestTime())), small(formatMs(t.durationMs())),
                Badges.state(t.state()));
        if (cause) head.add(Badges.of("root cause", Badges.Tone.ERROR));
        else if (chain) head.add(Badges.of("builds on the root cause", Badges.Tone.WARNING));
        if (flagged && !cause) head.add(Badges.of("flagged", Badges.Tone.WARNING));
        var spans = new Anchor("traces/" + SessionNavigation.enc(t.traceId()), "Span tree (" + t.spanCount() + ")");
        spans.addClassName("sl-span-link");
        head.add(spans);
        card.add(head);

        card.add(bubble("user", t.userText(), t.truncated()));
        if (!t.toolCalls().isEmpty()) card.add(toolCalls(t.toolCalls()));
        if (!t.retrievedDocuments().isEmpty()) card.add(documents(t.retrievedDocuments()));
        if (!t.errorSpans().isEmpty()) card.add(errors(t.errorSpans()));
        card.add(bubble("assistant", t.assistantText(), false));
        if (!t.assessments().isEmpty()) card.add(assessments(t.assessments()));
        for (ScorerError e : doc.scorerErrors()) {
            if (!e.traceId().equals(t.traceId()) || e.sessionLevel()) continue;   // a session-level one is in the panel only
            var failed = new Div(new Span("scorer error · " + e.name() + (e.errorCode() == null ? "" : " (" + e.errorCode() + ")")
                    + ": " + nz(e.message())));
            failed.addClassName("sl-scorer-errors");
            failed.setTitle("The judge itself failed: this is not a verdict and is left out of every quality signal");
            card.add(failed);
        }
        if (!t.signals().isEmpty()) {
            var sig = new Div();
            sig.addClassName("sl-signals");
            t.signals().forEach(s -> sig.add(new Div(new Span(s.kind() + ": "), new Span(s.detail()))));
            card.add(sig);
        }
        card.add(howRead(doc, t));
        return card;
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
        if (truncated) b.add(small("cut at 250 characters by MLflow (read from trace metadata)"));
        return b;
    }

    private static Component toolCalls(List<ToolCall> calls) {
        return LazyDetails.of("Tool calls (" + calls.size() + ")" + (calls.stream().anyMatch(c -> c.error() != null) ? " — failed" : ""),
                false, () -> toolCallList(calls));
    }

    private static Component toolCallList(List<ToolCall> calls) {
        var list = new Div();
        for (ToolCall c : calls) {
            var row = new Div();
            row.addClassName("sl-tool");
            row.add(new Span(c.name() + "(" + nz(c.arguments()) + ")"));
            if (c.error() != null) row.add(errorText("error: " + c.error()));
            else if (c.result() != null) row.add(new Pre(clip(c.result(), 2000)));
            list.add(row);
        }
        return list;
    }

    private static Component documents(List<RetrievedDocument> docs) {
        long outdated = docs.stream().filter(RetrievedDocument::outdated).count();
        return LazyDetails.of("Retrieved documents (" + docs.size() + ")" + (outdated > 0 ? " — " + outdated + " outdated" : ""),
                outdated > 0, () -> documentList(docs));
    }

    private static Component documentList(List<RetrievedDocument> docs) {
        var list = new Div();
        for (RetrievedDocument doc : docs) {
            var row = new Div();
            row.addClassName("sl-doc");
            String name = doc.uri() != null ? doc.uri() : doc.id() != null ? doc.id() : "document";
            row.add(new Span(name + (doc.score() == null ? "" : "  · score " + String.format("%.2f", doc.score()))));
            if (doc.outdated()) row.add(Badges.of("outdated: " + nz(doc.outdatedReason()), Badges.Tone.ERROR));
            row.add(new Pre(clip(doc.snippet(), 1500)));
            list.add(row);
        }
        return list;
    }

    private static Component errors(List<ErrorSpan> errors) {
        var box = new Div();
        box.addClassName("sl-errors");
        for (ErrorSpan e : errors) {
            var line = new Div(new Span("✖ " + e.name() + ": "), new Span(nz(e.exceptionType()) + (e.exceptionType() == null ? "" : ": ") + nz(e.message())));
            box.add(line);
            if (e.stackTrace() != null) {
                box.add(LazyDetails.of("Stack trace", false, () -> new Pre(e.stackTrace())));
            }
        }
        return box;
    }

    private static Component assessments(List<AssessmentView> list) {
        var box = new Div();
        box.addClassName("sl-assessments");
        for (AssessmentView a : list) box.add(judge(a));
        return box;
    }

    /** A judge is its value AND its rationale: the value alone means nothing ("none" is good for user_frustration). */
    static Component judge(AssessmentView a) {
        var row = new Div();
        row.addClassNames("sl-judge", a.verdict().name().toLowerCase(java.util.Locale.ROOT));
        var chip = new Span(a.name() + ": " + display(a.value()));
        chip.addClassName("sl-chip");
        chip.getElement().setAttribute("title", a.verdict() + " · " + a.source());
        row.add(chip);
        var why = new Span(a.rationale() == null || a.rationale().isBlank() ? "(no rationale given)" : a.rationale());
        why.addClassName("sl-rationale");
        row.add(why);
        if (!a.history().isEmpty()) row.add(small("overrides " + a.history().size() + " earlier assessment(s)"));
        return row;
    }

    private Component howRead(SessionDocument doc, TurnDocument t) {
        return LazyDetails.of("How this turn was read", false, () -> mappingEditor(doc, t));
    }

    private Component mappingEditor(SessionDocument doc, TurnDocument t) {
        var box = new Div();
        var r = t.readFrom();
        String how = r == null ? "not analysed"
                : "%s%s — input key %s, output key %s, format %s".formatted(r.source(),
                        r.spanName() == null ? "" : " \"" + r.spanName() + "\"", blankAs(r.inputKey()), blankAs(r.outputKey()), r.format());
        box.add(new Paragraph("Read from: " + how));
        var span = new TextField("Span name or path");
        span.setValue(r == null || r.spanName() == null ? "" : r.spanName());
        var in = new TextField("Input key");
        in.setValue(r == null ? "" : r.inputKey());
        var out = new TextField("Output key");
        out.setValue(r == null ? "" : r.outputKey());
        var save = new Button("Use for experiment " + doc.experimentId(), e -> {
            var current = settings.get(doc.experimentId());
            List<TurnMapping> mappings = new ArrayList<>(current.mappings());
            mappings.removeIf(m -> m.spanName().equals(span.getValue()));
            mappings.add(0, new TurnMapping(span.getValue(), in.getValue(), out.getValue()));
            int redone = settings.save(new ExperimentSettings(doc.experimentId(), mappings, current.failingValues()));
            Notification.show("Saved; re-analysing " + redone + " sessions of experiment " + doc.experimentId())
                    .setPosition(Notification.Position.BOTTOM_START);
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var form = new com.vaadin.flow.component.orderedlayout.FlexLayout(span, in, out, save);
        form.setFlexWrap(com.vaadin.flow.component.orderedlayout.FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        form.addClassName("sl-mapping-form");
        box.add(form);
        return box;
    }

    private Component sidePanel(SessionDocument doc) {
        var panel = new Div();
        panel.addClassName("sl-panel");
        panel.setId("session-panel");

        panel.add(new H3("Where it went wrong"));
        var rcBox = new Div();
        rcBox.setId("root-cause");
        RootCause rc = doc.rootCause();
        if (rc == null) {
            rcBox.add(new Paragraph("No evidence of a failure in this session."));
        } else {
            var link = new Anchor("#turn-" + rc.turn(), "Turn " + rc.turn());
            rcBox.add(new Div(link, new Span(" · " + rc.kind().label())));
            rcBox.add(new Paragraph(rc.evidence()));
            if (!rc.chain().isEmpty()) rcBox.add(small("Later turns that built on it: " + rc.chain()));
            if (rc.flaggedTurn() != null && rc.flaggedTurn() != rc.turn()) rcBox.add(small("A judge flagged turn " + rc.flaggedTurn()));
        }
        rcBox.addClassName(rc == null ? "sl-ok" : "sl-cause");
        panel.add(rcBox);

        if (!AssessmentTimeline.judges(doc).isEmpty()) {
            panel.add(new H3("Judges by turn"));
            var chart = new EChart();
            chart.setId("assessment-timeline");
            chart.setHeight(AssessmentTimeline.height(doc) + "px");
            chart.setOption(AssessmentTimeline.option(doc));
            chart.addPointClickListener(click -> {
                if (click.value() != null && click.value().isArray()) showTurn(click.value().get(0).asInt());
            });
            panel.add(chart);
        }

        panel.add(LazyDetails.of("Which judge values are failures?", false,
                () -> PolarityEditor.of(doc, settings, () -> getUI().ifPresent(ui -> ui.getPage().reload()))));

        panel.add(new H3("Session judges"));
        var judges = new Div();
        judges.setId("session-judges");
        if (doc.sessionAssessments().isEmpty()) judges.add(small("No session-level assessments."));
        doc.sessionAssessments().forEach(a -> judges.add(judge(a)));
        panel.add(judges);

        if (!doc.contextFindings().isEmpty()) {
            panel.add(new H3("Context window"));
            var ctx = new Div();
            ctx.setId("context-findings");
            for (ContextFinding f : doc.contextFindings()) ctx.add(new Div(new Anchor("#turn-" + f.turn(), "Turn " + f.turn()),
                    new Span(" · " + f.kind().replace('_', ' ') + ": " + f.detail())));
            panel.add(ctx);
        }

        if (!doc.scorerErrors().isEmpty()) {
            panel.add(new H3("Scorer errors (not counted)"));
            var errs = new Div();
            errs.setId("scorer-errors");
            errs.addClassName("sl-scorer-errors");
            for (ScorerError e : doc.scorerErrors()) {
                errs.add(new Div(new Span(e.name() + (e.sessionLevel() ? " (session)" : "") + " · " + nz(e.errorCode()) + ": "),
                        new Span(nz(e.message()))));
            }
            panel.add(errs);
        }
        return panel;
    }

    /** j/k (or arrow keys) move between turns; ?turn=N lands on a turn. The listener is installed once per page. */
    private void keyboardNavigation(int focusTurn) {
        getElement().executeJs("""
                if (!window.__slTurnKeys) {
                  window.__slTurnKeys = true;
                  document.addEventListener('keydown', e => {
                    if (e.target && (e.target.tagName === 'INPUT' || e.target.isContentEditable || e.target.closest('vaadin-text-field'))) return;
                    const next = e.key === 'j' || e.key === 'ArrowDown' && e.altKey;
                    const prev = e.key === 'k' || e.key === 'ArrowUp' && e.altKey;
                    if (!next && !prev) return;
                    const turns = [...document.querySelectorAll('.sl-turn')];
                    if (!turns.length) return;
                    const y = 80;
                    let i = turns.findIndex(t => t.getBoundingClientRect().top > y + 2);
                    if (i < 0) i = turns.length;
                    const cur = turns.findIndex(t => t.classList.contains('current'));
                    let target = cur >= 0 ? cur + (next ? 1 : -1) : (next ? Math.max(0, i) : Math.max(0, i - 2));
                    target = Math.max(0, Math.min(turns.length - 1, target));
                    turns.forEach(t => t.classList.remove('current'));
                    turns[target].classList.add('current');
                    turns[target].scrollIntoView({block: 'start'});
                  });
                }
                """);
        if (focusTurn > 0) scrollToTurn(focusTurn);
        // the next page of turns when the end of the rendered ones comes into view; turn links go through the server
        getElement().executeJs("""
                const view = this;
                const more = document.getElementById('turn-more');
                if (more && !more.__slObserved) {
                  more.__slObserved = true;
                  new IntersectionObserver(es => { if (es.some(e => e.isIntersecting) && more.offsetParent) view.$server.loadMoreTurns(); },
                      {root: document.getElementById('chat'), rootMargin: '600px'}).observe(more);
                }
                if (!view.__slTurnLinks) {
                  view.__slTurnLinks = true;
                  view.addEventListener('click', e => {
                    const a = e.target.closest && e.target.closest('a[href^="#turn-"]');
                    if (!a) return;
                    e.preventDefault();
                    view.$server.showTurn(parseInt(a.getAttribute('href').substring(6), 10));
                  });
                }
                """);
    }

    private void scrollToTurn(int turn) {
        getElement().executeJs("""
                const t = document.getElementById('turn-' + $0);
                if (t) { document.querySelectorAll('.sl-turn.current').forEach(x => x.classList.remove('current'));
                         t.classList.add('current'); t.scrollIntoView({block: 'start'}); }
                """, turn);
    }

    static Set<Integer> flaggedTurns(SessionDocument doc) {
        Set<Integer> out = new HashSet<>();
        for (TurnDocument t : doc.turns()) {
            if ("ERROR".equals(t.state()) || !t.errorSpans().isEmpty()
                    || t.assessments().stream().anyMatch(a -> a.verdict() == Verdict.FAIL)) out.add(t.index());
        }
        return out;
    }

    private static Span small(String text) {
        var s = new Span(text);
        s.addClassName("sl-small");
        return s;
    }

    private static Span errorText(String text) {
        var s = new Span(text);
        s.addClassName("sl-error-text");
        return s;
    }

    static String display(@Nullable Object v) {
        return v == null ? "null" : v.toString();
    }

    private static String formatMs(long ms) {
        Duration d = Duration.ofMillis(ms);
        return ms < 1000 ? ms + " ms" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String blankAs(String s) {
        return s.isBlank() ? "(whole value)" : s;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + (s.length() - max) + " more characters)";
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
