package io.sessionlens.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.ui.Live;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.review.Agreement;
import io.sessionlens.review.QueueService;
import io.sessionlens.review.ReviewAnswer;
import io.sessionlens.review.ReviewItem;
import io.sessionlens.review.ReviewProblem;
import io.sessionlens.review.ReviewQueue;
import io.sessionlens.session.VerdictService;
import io.sessionlens.session.ui.SessionNavigation;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One queue: its progress (live: it follows the reviewers as they answer), the agreement between reviewers per question
 * (percent and Cohen's kappa), the disagreements a manager adjudicates by taking one reviewer's answer, and every item
 * with where it stands. Managers close or delete the queue here.
 */
@Route(ReviewNavigation.ROUTE + "/:id([0-9]+)")
@StyleSheet("context://styles/review.css")
@PermitAll
class QueueView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    static final int ITEMS_SHOWN = 300;

    private final QueueService queues;
    private final LiveUpdates live;
    private long id;
    private String title = "Review queue · SessionLens";
    private @Nullable Registration liveRegistration;

    QueueView(QueueService queues, LiveUpdates live) {
        this.queues = queues;
        this.live = live;
        addClassName("sl-queue");
    }

    @Override
    public String getPageTitle() { return title; }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(0L);
        if (liveRegistration != null) liveRegistration.remove();
        liveRegistration = Live.onChange(this, live, QueueService.topic(id), this::render);
        render();
    }

    private void render() {
        removeAll();
        ReviewQueue q;
        try {
            q = queues.get(id);
        } catch (ReviewProblem missing) {
            add(new H2("Queue not found"), new Paragraph("There is no review queue " + id + "."),
                    new Anchor(ReviewNavigation.ROUTE, "All review queues"));
            return;
        }
        title = q.name() + " · SessionLens";
        add(new Anchor(ReviewNavigation.ROUTE, "← All review queues"));
        var h = new H2(q.name());
        h.setId("queue-name");
        add(h);
        String filter = q.filter().isEmpty() ? "every session" : q.filter();
        var from = new Anchor("sessions" + (q.filter().isEmpty() ? "" : "?" + q.filter()), filter);
        from.setId("queue-filter");
        add(new Div(new Span("Sessions: "), from,
                new Span(" · reviewers " + String.join(", ", q.reviewers()) + ", " + q.reviewersPerSession()
                        + " per session" + (q.labelSchemas().isEmpty()
                                ? ""
                                : " · labels " + String.join(", ", q.labelSchemas())))));
        var progress = new Div(QueueCards.bar(q), new Span(QueueCards.progress(q)));
        progress.setId("queue-progress");
        progress.addClassName("sl-queue-meta");
        add(progress);
        add(actions(q));
        add(agreement(q));
        add(disagreements(q));
        add(items());
    }

    private Component actions(ReviewQueue q) {
        var bar = new Div();
        bar.addClassName("sl-queue-actions");
        if (q.closed()) bar.add(Badges.of("closed", Badges.Tone.NEUTRAL));
        if (!q.closed() && CurrentUser.canWrite() && q.reviewers().contains(CurrentUser.actor())) {
            var review = new Button("Review",
                    e -> getUI().ifPresent(ui -> ui.navigate(ReviewNavigation.reviewUrl(id))));
            review.setId("queue-review");
            review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(review);
        }
        if (CurrentUser.canManage()) {
            if (!q.closed()) {
                var close = new Button("Close queue", e -> {
                    queues.close(id);
                    render();
                });
                close.setId("queue-close");
                bar.add(close);
            }
            var delete = new Button("Delete queue", e -> confirmDelete(q));
            delete.setId("queue-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            bar.add(delete);
        }
        return bar;
    }

    private void confirmDelete(ReviewQueue q) {
        var dialog = new ConfirmDialog("Delete queue “" + q.name() + "”?",
                "Its " + q.progress().items() + " items and " + q.progress().answers() + " answers go. Verdicts and"
                        + " annotations already given on sessions stay.",
                "Delete", e -> {
                    queues.delete(id);
                    Notification.show("Queue “" + q.name() + "” deleted");
                    getUI().ifPresent(ui -> ui.navigate(ReviewNavigation.ROUTE));
                });
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("queue-delete-confirm");
        dialog.open();
    }

    private Component agreement(ReviewQueue q) {
        var box = new Div(new H3("Agreement"));
        box.setId("agreement");
        if (q.reviewersPerSession() == 1) {
            box.add(new Paragraph("One reviewer per session: there is no agreement to measure."));
            return box;
        }
        List<Agreement> figures = queues.agreement(id);
        if (figures.stream().allMatch(a -> a.items() == 0)) {
            box.add(new Paragraph("No session has all its answers yet."));
            return box;
        }
        StringBuilder t = new StringBuilder("<table class=\"sl-agreement\"><thead><tr><th>Question</th>"
                + "<th class=\"num\">Sessions</th><th class=\"num\">Agreement</th><th class=\"num\">Cohen's κ</th>"
                + "</tr></thead><tbody>");
        for (Agreement a : figures)
            t.append("<tr><td>").append(escape(a.question())).append("</td><td class=\"num\">").append(a.items())
                    .append("</td><td class=\"num\">").append(a.percent() == null ? "—" : percent(a.percent()))
                    .append("</td><td class=\"num\">").append(a.kappa() == null ? "—" : kappa(a.kappa()))
                    .append("</td></tr>");
        t.append("</tbody></table>");
        box.add(new Html("<div>" + t + "</div>"));
        var note = new Paragraph(q.reviewersPerSession() == 2
                ? "Agreement: sessions where both reviewers gave the same answer. Cohen's κ corrects it for agreement"
                        + " by chance (1 perfect, 0 chance, below 0 worse than chance); “—” when it is undefined."
                : "Agreement: sessions where all three reviewers gave the same answer. Cohen's κ is for two raters.");
        note.addClassName("sl-queue-meta");
        box.add(note);
        return box;
    }

    private Component disagreements(ReviewQueue q) {
        var box = new Div(new H3("Disagreements"));
        box.setId("disagreements");
        List<ReviewItem> open = queues.disagreements(id);
        if (open.isEmpty()) {
            box.add(new Paragraph(q.reviewersPerSession() == 1 ? "None: one reviewer per session." : "None."));
            return box;
        }
        for (ReviewItem item : open) {
            var d = new Div();
            d.addClassName("sl-disagreement");
            d.setId("disagreement-" + item.id());
            d.add(new Div(new Anchor(SessionNavigation.sessionUrl(item.session().experimentId(),
                    item.session().sessionId()), item.session().sessionId())));
            int n = 0;
            for (ReviewAnswer a : item.answers()) {
                if (a.skipped()) continue;
                n++;
                var line = new Div();
                line.addClassName("sl-answer-line");
                var who = new Span(a.reviewer());
                who.addClassName("sl-who");
                line.add(who, new Span(describe(a)));
                if (!a.note().isBlank()) line.add(new Span("— " + a.note()));   // as text
                if (CurrentUser.canManage()) {
                    var use = new Button("Use " + a.reviewer() + "'s answer", e -> adjudicate(item, a));
                    use.setId("adjudicate-" + item.id() + "-" + n);
                    use.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    line.add(use);
                }
                d.add(line);
            }
            box.add(d);
        }
        return box;
    }

    private void adjudicate(ReviewItem item, ReviewAnswer chosen) {
        try {
            VerdictService.retryingRowConflicts(() -> queues.adjudicate(id, item.id(), CurrentUser.actor(),
                    new QueueService.Answer(chosen.turn(), chosen.kind(), "Adjudicated: " + chosen.reviewer()
                            + "'s answer" + (chosen.note().isBlank() ? "" : ". " + chosen.note()), chosen.labels())));
            Notification.show("Verdict set on " + item.session().sessionId());
            render();
        } catch (ReviewProblem p) {
            Notification.show(p.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Component items() {
        var box = new Div(new H3("Sessions"));
        var list = new Div();
        list.addClassName("sl-items");
        list.setId("queue-items");
        List<ReviewItem> all = queues.items(id);
        for (ReviewItem i : all.subList(0, Math.min(ITEMS_SHOWN, all.size()))) {
            var row = new Div(new Span(i.position() + ". "), new Anchor(SessionNavigation.sessionUrl(
                    i.session().experimentId(), i.session().sessionId()), i.session().sessionId()),
                    new Span(" · " + status(i)));
            list.add(row);
        }
        if (all.size() > ITEMS_SHOWN) list.add(new Div(new Span("… and " + (all.size() - ITEMS_SHOWN) + " more")));
        box.add(list);
        return box;
    }

    private static String status(ReviewItem i) {
        long given = i.answers().stream().filter(a -> !a.skipped()).count();
        String s = given + (given == 1 ? " answer" : " answers");
        if (i.outcome() != ReviewItem.Outcome.OPEN) s += " · " + i.outcome().wire();
        if (i.lockedBy() != null) s += " · being reviewed by " + i.lockedBy();
        if (i.result() != null && i.result().turn() != null)
            s += " · turn " + i.result().turn() + " (" + i.result().kind() + ")";
        else if (i.result() != null) s += " · no root cause";
        return s;
    }

    static String describe(ReviewAnswer a) {
        String verdict = a.turn() == null ? "no root cause" : "turn " + a.turn() + " · " + a.kind();
        String labels = a.labels().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        return verdict + (labels.isEmpty() ? "" : " · " + labels);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f%%", p);
    }

    static String kappa(double k) {
        return String.format(Locale.ROOT, "%.2f", k);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
