package io.sessionlens.review.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.annotation.LabelSchema;
import io.sessionlens.annotation.LabelSchemaService;
import io.sessionlens.annotation.LabelType;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.security.Roles;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.review.Claim;
import io.sessionlens.review.QueueService;
import io.sessionlens.review.ReviewProblem;
import io.sessionlens.session.HumanVerdict;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.SessionReader;
import io.sessionlens.session.VerdictService;
import io.sessionlens.session.ui.SessionNavigation;
import io.sessionlens.session.ui.SessionTranscript;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * "My queue": one session at a time. The transcript (the session page's turn cards) and beside it the answer: where it
 * went wrong (the automatic verdict pre-filled, to confirm or correct), its kind, the queue's labels, a note. Keyboard
 * first: the active question takes 1–9 (0: no root cause) and moves on to the next, j/k move between turns, Ctrl/⌘+Enter
 * submits and opens the next session, s skips. The session is locked for this reviewer while they review it.
 */
@Route(ReviewNavigation.ROUTE + "/:id([0-9]+)/review")
@StyleSheet("context://styles/review.css")
@RolesAllowed(Roles.ANALYST)
class FocusView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    static final String SCRIPT = "context://scripts/sl-review.js";
    static final String[][] SHORTCUTS = {{"1–9", "pick an answer to the active question"},
            {"0", "no root cause"}, {"j / k", "next / previous turn"},
            {"Ctrl+Enter  ⌘+Enter", "submit and open the next"},
            {"s", "skip this session"}};

    private final QueueService queues;
    private final SessionReader reader;
    private final LabelSchemaService schemas;
    private long queueId;
    private String reviewer = "";
    private String title = "Review · SessionLens";
    private @Nullable Claim claim;
    private @Nullable SessionDocument doc;
    private @Nullable Integer turn;
    private @Nullable String kind;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private List<LabelSchema> labelSchemas = List.of();
    private int active;
    private final Div form = new Div();
    private TextArea note = new TextArea("Note");

    FocusView(QueueService queues, SessionReader reader, LabelSchemaService schemas) {
        this.queues = queues;
        this.reader = reader;
        this.schemas = schemas;
        addClassName("sl-review-page");
        form.setId("review-form");
    }

    @Override
    public String getPageTitle() { return title; }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript(SCRIPT);
        getElement().executeJs("window.slReview.install(this)");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        queueId = event.getRouteParameters().getLong("id").orElse(0L);
        reviewer = CurrentUser.actor();
        loadNext();
    }

    /** Claims the next session of the queue for this reviewer and shows it, or says there is none left. */
    private void loadNext() {
        removeAll();
        claim = null;
        doc = null;
        Optional<Claim> next;
        try {
            next = queues.next(queueId, reviewer);
        } catch (ReviewProblem p) {
            add(message("Cannot review this queue", p.getMessage()));
            return;
        }
        if (next.isEmpty()) {
            var done = message("Nothing left for you in this queue",
                    "Every session of it has been answered by you (or skipped), or is being reviewed by a colleague"
                            + " right now: look again in a few minutes.");
            done.setId("review-done");
            add(done);
            return;
        }
        Claim c = next.get();
        claim = c;
        title = c.queueName() + " · " + c.number() + " of " + c.total() + " · SessionLens";
        Optional<SessionDocument> d = reader.open(c.session());
        labels.clear();
        labelSchemas = c.labelSchemas().stream().map(n -> schemas.find(c.session().experimentId(), n))
                .flatMap(Optional::stream).toList();
        RootCause auto = d.map(SessionDocument::rootCause).orElse(null);
        turn = auto == null ? null : auto.turn();
        kind = auto == null ? null : auto.kind().wire();
        active = 0;
        note = new TextArea("Note");
        note.setId("review-note");
        note.setPlaceholder("Why: what you saw in the transcript (optional)");
        note.setMaxLength(QueueService.NOTE_MAX);
        note.setValueChangeMode(ValueChangeMode.EAGER);   // Ctrl+Enter in the note submits what was typed
        note.setWidthFull();

        var layout = new Div();
        layout.addClassName("sl-review");
        var left = new Div();
        if (d.isPresent()) {
            doc = d.get();
            left.add(new SessionTranscript(d.get()));
        } else {
            left.add(new Paragraph("Session " + c.session().sessionId() + " no longer exists: skip it (s)."));
        }
        layout.add(left, panel(c));
        add(layout);
        renderForm();
        getElement().executeJs("window.slReview && window.slReview.top()");
    }

    private Component panel(Claim c) {
        var panel = new Div();
        panel.addClassName("sl-review-panel");
        panel.setId("review-panel");
        var back = new Anchor(ReviewNavigation.queueUrl(queueId), "← " + c.queueName());
        var progress = new Span("Session " + c.number() + " of " + c.total());
        progress.setId("review-progress");
        progress.addClassName("sl-review-progress");
        var h = new H2(c.session().sessionId());
        h.setId("review-session");
        var open = new Anchor(SessionNavigation.sessionUrl(c.session().experimentId(), c.session().sessionId()),
                "Open the session page");
        open.setTarget(AnchorTarget.BLANK);
        var lock = new Span(
                "Held for you until " + TimeFormat.of(c.lockedUntil()) + "; colleagues get other sessions.");
        lock.setId("review-lock");
        lock.addClassName("sl-queue-meta");
        var head = new Div(back, new Div(progress), h, new Div(open), lock);
        head.addClassName("sl-review-head");
        panel.add(head, autoVerdict(), form, note);
        var submit = new Button("Submit and next", e -> submit());
        submit.setId("review-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setTooltipText("Ctrl+Enter (⌘+Enter)");
        var skip = new Button("Skip", e -> skip());
        skip.setId("review-skip");
        skip.setTooltipText("s");
        var buttons = new Div(submit, skip);
        buttons.addClassName("sl-review-buttons");
        panel.add(buttons, shortcuts());
        return panel;
    }

    private Component autoVerdict() {
        var box = new Div();
        box.setId("review-auto");
        box.addClassName("sl-auto-verdict");
        SessionDocument d = doc;
        if (d == null) return box;
        RootCause auto = d.rootCause();
        box.add(new Div(new Span(auto == null
                ? "The analysis found no root cause."
                : "The analysis says: turn " + auto.turn() + " · " + auto.kind().label()
                        + ". Confirm it or correct it.")));
        HumanVerdict human = d.humanVerdict();
        if (human != null)
            box.add(new Div(new Span("A verdict stands already: " + (human.turn() == null
                    ? "no root cause"
                    : "turn " + human.turn() + " · " + label(human.kind())) + ", by " + human.reviewer() + ".")));
        return box;
    }

    private Component shortcuts() {
        var list = new Div();
        list.setId("review-shortcuts");
        list.addClassName("sl-review-shortcuts");
        for (String[] row : SHORTCUTS) {
            var k = new Span();
            k.getElement().appendChild(new com.vaadin.flow.dom.Element("kbd").setText(row[0]));
            list.add(k, new Span(row[1]));
        }
        return list;
    }

    /** The questions, the active one marked: the root-cause turn, its kind, then each label of the queue. */
    private void renderForm() {
        form.removeAll();
        int turns = doc == null ? 0 : doc.turnCount();
        List<Option> turnOptions = new ArrayList<>();
        turnOptions.add(new Option("none", "No root cause", 0, turn == null));
        for (int i = 1; i <= turns; i++)
            turnOptions.add(new Option(Integer.toString(i), "Turn " + i, i <= 9 ? i : -1, turn != null && turn == i));
        form.add(question(0, "turn", "Where did it go wrong?", turnOptions));
        List<Option> kinds = new ArrayList<>();
        RootCauseKind[] all = RootCauseKind.values();
        for (int i = 0; i < all.length; i++)
            kinds.add(new Option(all[i].wire(), all[i].label(), i + 1, all[i].wire().equals(kind)));
        var kindQuestion = question(1, "kind", "What kind of failure?", kinds);
        kindQuestion.setVisible(turn != null);
        form.add(kindQuestion);
        for (int q = 0; q < labelSchemas.size(); q++) {
            LabelSchema s = labelSchemas.get(q);
            if (s.type() == LabelType.CATEGORICAL) {
                List<Option> opts = new ArrayList<>();
                for (int i = 0; i < s.options().size(); i++)
                    opts.add(new Option(Integer.toString(i + 1), s.options().get(i), i < 9 ? i + 1 : -1,
                            s.options().get(i).equals(labels.get(s.name()))));
                form.add(question(2 + q, "label-" + s.name(), s.title().isBlank() ? s.name() : s.title(), opts));
            } else {
                var field = new TextField(s.title().isBlank() ? s.name() : s.title());
                field.setId("q-label-" + s.name());
                field.setValue(labels.getOrDefault(s.name(), ""));
                field.setValueChangeMode(ValueChangeMode.EAGER);
                field.setWidthFull();
                field.setHelperText(s.type() == LabelType.NUMERIC ? "a number" : "text");
                field.addValueChangeListener(e -> {
                    if (e.getValue().isBlank()) labels.remove(s.name());
                    else
                        labels.put(s.name(), e.getValue());
                });
                form.add(field);
            }
        }
    }

    record Option(String value, String label, int key, boolean picked) {}

    private Div question(int index, String id, String text, List<Option> options) {
        var q = new Div();
        q.setId("q-" + id);
        q.addClassName("sl-question");
        if (index == active) q.addClassName("active");
        var t = new Span(text);
        t.addClassName("sl-question-title");
        t.addClickListener(e -> {
            active = index;
            renderForm();
        });
        q.add(t);
        var row = new Div();
        row.addClassName("sl-options");
        for (Option o : options) {
            var b = new NativeButton();
            b.setId("opt-" + id + "-" + o.value());
            b.addClassName("sl-option");
            if (o.picked()) b.addClassName("picked");
            if (o.key() >= 0) {
                var key = new Span(Integer.toString(o.key()));
                key.addClassName("sl-key");
                b.add(key);
            }
            b.add(new Span(o.label()));
            b.addClickListener(e -> choose(index, o.value()));
            row.add(b);
        }
        q.add(row);
        return q;
    }

    /** A key pressed: the active question's option with that number. */
    @ClientCallable
    void pick(int key) {
        if (claim == null) return;
        if (active == 0) {
            if (key == 0) choose(0, "none");
            else if (doc != null && key <= doc.turnCount()) choose(0, Integer.toString(key));
        } else if (active == 1) {
            if (key >= 1 && key <= RootCauseKind.values().length) choose(1, RootCauseKind.values()[key - 1].wire());
        } else if (active - 2 < labelSchemas.size()) {
            LabelSchema s = labelSchemas.get(active - 2);
            if (s.type() == LabelType.CATEGORICAL && key >= 1 && key <= s.options().size())
                choose(active, s.options().get(key - 1));
        }
    }

    /** Sets the answer to question {@code index} and makes the next question the active one. */
    private void choose(int index, String value) {
        if (index == 0) {
            turn = value.equals("none") ? null : Integer.parseInt(value);
            if (turn == null) kind = null;
            active = turn == null ? 2 : 1;
        } else if (index == 1) {
            kind = value;
            active = 2;
        } else {
            labels.put(labelSchemas.get(index - 2).name(), value);
            active = index + 1;
        }
        int last = 1 + labelSchemas.size();
        if (active > last) active = last;
        if (active == 1 && turn == null) active = Math.min(2, last);
        renderForm();
    }

    @ClientCallable
    void submit() {
        Claim c = claim;
        if (c == null) return;
        if (turn != null && kind == null) {
            Notification.show("Say what kind of failure turn " + turn + " is").addThemeVariants(
                    NotificationVariant.LUMO_ERROR);
            active = 1;
            renderForm();
            return;
        }
        try {
            VerdictService.retryingRowConflicts(() -> queues.answer(queueId, c.itemId(), reviewer,
                    new QueueService.Answer(turn, kind, note.getValue(), Map.copyOf(labels))));
        } catch (ReviewProblem p) {
            Notification.show(p.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Notification.show("Answer saved: " + c.session().sessionId()).setPosition(Notification.Position.BOTTOM_START);
        loadNext();
    }

    @ClientCallable
    void skip() {
        Claim c = claim;
        if (c == null) return;
        try {
            queues.skip(queueId, c.itemId(), reviewer);
        } catch (ReviewProblem p) {
            Notification.show(p.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Notification.show("Skipped " + c.session().sessionId()).setPosition(Notification.Position.BOTTOM_START);
        loadNext();
    }

    private static Div message(String heading, @Nullable String text) {
        var box = new Div(new H2(heading), new Paragraph(text == null ? "" : text));
        box.addClassName("sl-queue");
        return box;
    }

    private static String label(@Nullable String wire) {
        try {
            return wire == null ? "" : RootCauseKind.ofWire(wire).label();
        } catch (IllegalArgumentException unknown) {
            return wire;
        }
    }
}
