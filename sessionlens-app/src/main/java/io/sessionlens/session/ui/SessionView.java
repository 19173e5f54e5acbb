package io.sessionlens.session.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.TurnMapping;
import io.sessionlens.base.live.LiveTopics;
import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.ui.EvidencePins;
import io.sessionlens.base.ui.Live;
import io.sessionlens.base.ui.RouteIds;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.session.ExperimentSettingsService;
import io.sessionlens.session.HumanVerdict;
import io.sessionlens.session.SessionCleanup;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.SessionReader;
import io.sessionlens.session.TurnDocument;
import io.sessionlens.session.VerdictService;
import io.sessionlens.trace.ExperimentNames;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.model.TraceState;
import io.sessionlens.trace.ui.TraceStateBadge;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One session as a chat: a turn rail with the root-cause and flagged turns marked, a {@link TurnCard} per turn, and a
 * {@link SessionPanel} with the session-level judges, the root cause and its chain, context-window findings and scorer
 * errors. The view lays these out, pages the turn cards in, moves between turns, and stores what the editors hand it.
 */
@Route(SessionNavigation.ROUTE + "/:experimentId/:sessionId*")   // the rest of the path: session ids may hold slashes
@PermitAll
class SessionView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    static final int PAGE = 8;
    static final String SCRIPT = "context://scripts/sl-session.js";
    static final String[][] SHORTCUTS = {{"j  or  Alt+↓", "next turn"}, {"k  or  Alt+↑", "previous turn"},
            {"?", "this list"}, {"Esc", "close this list"}};

    private final SessionReader sessions;
    private final ExperimentSettingsService settings;
    private final VerdictService verdicts;
    private final ExperimentNames names;
    private final SessionCleanup cleanup;
    private final LiveUpdates live;
    private final SessionNavigation.@Nullable PageParts pageParts;
    private SessionNavigation.Parts parts = SessionNavigation.none();
    private @Nullable Registration liveRegistration;
    private @Nullable VerdictEditor verdictEditor;
    private boolean reloading;   // this page changed the verdict and is about to load again
    private final EvidencePins pins;
    private String title = "Session · SessionLens";
    private @Nullable SessionDocument doc;
    private TurnMarks marks = new TurnMarks(null, List.of(), Set.of());
    private Div chat = new Div();
    private Div more = new Div();
    private int rendered;

    SessionView(SessionReader sessions, ExperimentSettingsService settings, VerdictService verdicts,
            ExperimentNames names, SessionCleanup cleanup, LiveUpdates live,
            ObjectProvider<SessionNavigation.PageParts> pageParts, EvidencePins pins) {
        this.live = live;
        this.pageParts = pageParts.getIfAvailable();
        this.verdicts = verdicts;
        this.pins = pins;
        this.sessions = sessions;
        this.settings = settings;
        this.names = names;
        this.cleanup = cleanup;
        addClassName("sl-session");
    }

    @Override
    public String getPageTitle() { return title; }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript(SCRIPT);   // eager: the calls below need it
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String exp = RouteIds.decode(event.getRouteParameters().get("experimentId").orElse(""));
        String sid = RouteIds.decode(event.getRouteParameters().get("sessionId").orElse(""));
        int turn = event.getLocation().getQueryParameters().getSingleParameter("turn").map(SessionView::parseInt)
                .orElse(0);
        removeAll();
        if (liveRegistration != null) liveRegistration.remove();
        var ref = new SessionRef(exp, sid);
        liveRegistration = Live.onChange(this, live, LiveTopics.session(exp, sid), () -> teammateChanged(ref));
        sessions.open(ref).ifPresentOrElse(doc -> show(doc, turn > 0 ? turn : landingTurn(doc)),
                () -> add(new H2("Session not found"),
                        new Paragraph("There is no session " + sid + " in experiment " + exp + "."),
                        new Anchor(SessionNavigation.ROUTE, "Back to all sessions")));
    }

    private void show(SessionDocument doc, int focusTurn) {
        title = doc.sessionId() + " · SessionLens";
        this.doc = doc;
        this.marks = TurnMarks.of(doc);
        this.rendered = 0;
        var ref = new SessionRef(doc.experimentId(), doc.sessionId());
        parts = pageParts == null ? SessionNavigation.none() : pageParts.of(ref);
        add(header(doc), parts.header());
        chat = new Div();
        chat.addClassName("sl-chat");
        chat.setId("chat");
        more = new Div(new Span("Loading more turns…"));
        more.setId("turn-more");
        more.addClassName("sl-small");
        chat.add(more);
        renderUpTo(Math.max(PAGE, focusTurn));
        var body = new Div(new TurnRail(doc.turns(), marks), chat, new SessionPanel(doc, this::showTurn,
                () -> new PolarityEditor(doc, settings.get(doc.experimentId()).failingValues(),
                        byJudge -> useFailingValues(doc.experimentId(), byJudge)),
                verdictEditor = new VerdictEditor(doc, CurrentUser.canWrite(), d -> decide(doc, d),
                        () -> withdraw(doc)),
                parts.panel()));
        body.addClassName("sl-session-body");
        add(body);
        getElement().executeJs("window.slSession.install(this)");
        if (focusTurn > 0 && focusTurn <= doc.turns().size())
            getElement().executeJs("window.slSession.scrollToTurn($0, true)", focusTurn);
    }

    /**
     * A teammate changed what this page shows (the verdict, an annotation): the page is drawn again in place, with as
     * many turns as were shown and the scroll position kept. While the analyst is editing the verdict nothing is
     * redrawn under their hands; a notice says what happened, and their save meets the usual conflict check.
     */
    private void teammateChanged(SessionRef ref) {
        var was = doc;
        if (was == null || reloading) return;
        var now = sessions.open(ref);
        if (now.isPresent() && now.get().equals(was)) return;   // not what the page draws (annotations refresh themselves)
        if (verdictEditor != null && verdictEditor.isEditing()) {
            notice("A teammate changed this session while you were editing. Your verdict is checked against theirs"
                    + " when you save.");
            return;
        }
        if (now.isEmpty()) {
            removeAll();
            add(new H2("Session deleted"), new Paragraph("A teammate deleted session " + ref.sessionId() + "."),
                    new Anchor(SessionNavigation.ROUTE, "Back to all sessions"));
            return;
        }
        int shown = rendered;
        removeAll();
        show(now.get(), 0);
        renderUpTo(shown);
        HumanVerdict before = was.humanVerdict(), after = now.get().humanVerdict();
        if (!java.util.Objects.equals(before, after))
            notice(after == null
                    ? "The reviewer's verdict was withdrawn: the analysis' verdict stands."
                    : after.reviewer() + " set the verdict: "
                            + (after.turn() == null ? "no root cause" : "turn " + after.turn()) + ".");
    }

    private static void notice(String text) {
        var n = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
        n.addClassName("sl-live-notice");
    }

    /**
     * Without {@code ?turn}, a session opens at its root-cause turn when it has one (an analyst's verdict before the
     * automatic one), else at the top.
     */
    static int landingTurn(SessionDocument doc) {
        HumanVerdict human = doc.humanVerdict();
        if (human != null) {
            Integer turn = human.turn();   // null: the analyst found no root cause
            return turn == null ? 0 : turn;
        }
        RootCause rc = doc.rootCause();
        return rc == null ? 0 : rc.turn();
    }

    /** "?" on the page: the keyboard shortcuts. */
    @ClientCallable
    void showShortcuts() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Keyboard shortcuts");
        dialog.setId("shortcuts");
        var list = new Div();
        list.addClassName("sl-shortcuts");
        for (String[] row : SHORTCUTS) {
            var key = new Span(row[0]);
            key.addClassName("sl-key");
            list.add(new Div(key, new Span(row[1])));
        }
        dialog.add(list);
        var close = new Button("Close", e -> dialog.close());
        close.setId("shortcuts-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private Component header(SessionDocument doc) {
        var h = new H2(doc.sessionId());
        h.addClassName("sl-session-title");
        var meta = new HorizontalLayout(
                new ExperimentTag(doc.experimentId(), names.name(doc.experimentId()),
                        name -> names.rename(doc.experimentId(), name)),
                Badges.of(doc.user().isBlank() ? "no user" : "user " + doc.user(), Badges.Tone.NEUTRAL),
                Badges.of(doc.turnCount() + (doc.turnCount() == 1 ? " turn" : " turns"), Badges.Tone.NEUTRAL),
                TraceStateBadge.of(TraceState.parse(doc.state())));
        if (doc.standalone()) meta.add(Badges.of("no session id: a trace of its own", Badges.Tone.WARNING));
        if (doc.importInterrupted()) {
            var cut = Badges.of("import interrupted: turns may be missing", Badges.Tone.WARNING);
            cut.setId("import-interrupted");
            cut.getElement().setAttribute("title", "The server stopped while this session was being imported. Import"
                    + " its export again to complete it; traces already stored stay as they are.");
            meta.add(cut);
        }
        meta.setSpacing(true);
        var export = new Anchor(SessionNavigation.transcriptUrl(doc.experimentId(), doc.sessionId()),
                "Export Markdown");
        export.setTarget(AnchorTarget.BLANK);
        export.setId("export-markdown");
        var delete = new DeleteSessionButton(doc.sessionId(), names.label(doc.experimentId()), doc.turnCount(),
                () -> delete(doc));
        var links = new HorizontalLayout(new Anchor(SessionNavigation.ROUTE, "← All sessions"), export);
        pins.pinButton(new EvidencePins.Evidence(doc.experimentId(), doc.sessionId(), null, null, null,
                "session " + doc.sessionId())).ifPresent(pin -> {
                    pin.setId("pin-session");
                    links.add(pin);
                });
        if (CurrentUser.canWrite()) links.add(delete);
        links.addClassName("sl-session-links");
        links.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        var top = new Div(links, h, meta, pins.investigationsOf(doc.experimentId(), doc.sessionId()));
        top.addClassName("sl-session-header");
        return top;
    }

    /**
     * Turn cards are rendered a page at a time (the first page at once, the next ones when the analyst scrolls near the
     * end or jumps to a later turn), so a 120-turn session paints its first turns quickly.
     */
    private void renderUpTo(int turn) {
        if (doc == null) return;
        SessionDocument d = doc;
        int target = Math.min(turn, d.turns().size());
        while (rendered < target) {
            TurnDocument t = d.turns().get(rendered++);
            chat.addComponentAtIndex(chat.getComponentCount() - 1,
                    new TurnCard(d.experimentId(), t, marks, d.scorerErrors(), m -> useMapping(d.experimentId(), m),
                            parts.turn(t.index(), t.traceId()),
                            pins.pinButton(new EvidencePins.Evidence(d.experimentId(), d.sessionId(), t.index(),
                                    t.traceId(), null, "turn " + t.index() + " of session " + d.sessionId()))
                                    .orElse(null)));
        }
        more.setVisible(rendered < d.turns().size());
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

    private void scrollToTurn(int turn) {
        getElement().executeJs("window.slSession.scrollToTurn($0, false)", turn);
    }

    private void decide(SessionDocument doc, VerdictEditor.Decision d) {
        var ref = new SessionRef(doc.experimentId(), doc.sessionId());
        reloading = true;   // this page's own change: it loads again below, no notice of it
        try {
            VerdictService.retryingRowConflicts(
                    () -> verdicts.decide(ref, d.turn(), d.kind(), d.note(), reviewer(), d.version()));
            Notification.show("Verdict saved").setPosition(Notification.Position.BOTTOM_START);
            reopen(d.turn());
        } catch (VerdictService.InvalidVerdict e) {
            reloading = false;
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (VerdictService.StaleVerdict e) {
            reloading = false;
            conflict(e.current(), d.turn());
        }
    }

    /** A colleague changed the verdict since this page showed it: say what stands, lose nothing of what they did. */
    private void conflict(HumanVerdict current, @Nullable Integer yours) {
        var dialog = new Dialog();
        dialog.setId("verdict-conflict");
        dialog.setHeaderTitle("The verdict was changed meanwhile");
        var what = new Paragraph(current.reviewer() + " set it to "
                + (current.turn() == null ? "no root cause" : "turn " + current.turn()) + " at "
                + io.sessionlens.base.ui.TimeFormat.of(current.decidedAt())
                + ". Your change was not saved; the page now shows their verdict, and you can change it again.");
        what.addClassName("sl-verdict-conflict");
        dialog.add(what);
        var ok = new Button("Show the current verdict", e -> {
            dialog.close();
            reopen(current.turn() == null ? yours : current.turn());
        });
        ok.setId("verdict-conflict-ok");
        dialog.getFooter().add(ok);
        dialog.open();
    }

    private void withdraw(SessionDocument doc) {
        reloading = true;
        VerdictService.retryingRowConflicts(
                () -> verdicts.withdraw(new SessionRef(doc.experimentId(), doc.sessionId())));
        Notification.show("Verdict withdrawn: the analysis' verdict stands").setPosition(
                Notification.Position.BOTTOM_START);
        reopen(null);
    }

    /** A fresh page load: the list, rail and panel all show the verdict that now stands. */
    private void reopen(@Nullable Integer turn) {
        SessionDocument d = doc;
        if (d == null) return;
        reloading = true;
        String url = turn == null
                ? SessionNavigation.sessionUrl(d.experimentId(), d.sessionId())
                : SessionNavigation.turnUrl(d.experimentId(), d.sessionId(), turn);
        getUI().ifPresent(ui -> ui.getPage().setLocation(url));
    }

    private static String reviewer() {
        return CurrentUser.actor();
    }

    /** Deletes the session and goes back to the list, which no longer shows it. */
    private void delete(SessionDocument d) {
        cleanup.delete(new SessionRef(d.experimentId(), d.sessionId()));
        Notification.show("Session " + d.sessionId() + " deleted").setPosition(Notification.Position.BOTTOM_START);
        getUI().ifPresent(ui -> ui.navigate(SessionNavigation.ROUTE));
    }

    private void useMapping(String experimentId, TurnMapping mapping) {
        confirmReanalysis(experimentId, "how turns are read",
                () -> reanalysing(experimentId, settings.useMapping(experimentId, mapping)));
    }

    private void useFailingValues(String experimentId, Map<String, Set<String>> byJudge) {
        confirmReanalysis(experimentId, "which judge values are failures",
                () -> reanalysing(experimentId, settings.useFailingValues(experimentId, byJudge)));
    }

    /** A settings change re-analyses the whole experiment for everyone: say how much, and save only when confirmed. */
    private void confirmReanalysis(String experimentId, String what, Runnable save) {
        long n = settings.sessionCount(experimentId);
        String sessions = n == 1 ? "1 session" : n + " sessions";
        var dialog = new ConfirmDialog("Re-analyse " + sessions + "?",
                "Changing " + what + " for experiment " + experimentId + " re-analyses its " + sessions
                        + ", for everyone. The change is recorded in the audit log.",
                "Save and re-analyse " + sessions, e -> save.run());
        dialog.setId("reanalyse-confirm");
        dialog.setCancelable(true);
        dialog.open();
    }

    /** The settings changed: the sessions are queued, and this one is redone when the page opens it again. */
    private void reanalysing(String experimentId, int queued) {
        Notification.show("Saved; re-analysing " + queued + " sessions of experiment " + experimentId)
                .setPosition(Notification.Position.BOTTOM_START);
        getUI().ifPresent(ui -> ui.getPage().reload());
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
