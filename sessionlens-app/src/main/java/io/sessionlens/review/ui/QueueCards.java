package io.sessionlens.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.review.ReviewQueue;

/** How a queue's progress reads on every page: "4 of 6 answers · 2 of 3 sessions done · 1 to adjudicate". */
final class QueueCards {
    private QueueCards() {}

    static String progress(ReviewQueue q) {
        var p = q.progress();
        StringBuilder s = new StringBuilder();
        s.append(p.answers()).append(" of ").append(p.answersNeeded()).append(p.answersNeeded() == 1
                ? " answer"
                : " answers");
        s.append(" · ").append(p.complete()).append(" of ").append(p.items()).append(p.items() == 1
                ? " session done"
                : " sessions done");
        if (p.disagreements() > 0) s.append(" · ").append(p.disagreements()).append(" to adjudicate");
        if (p.inReview() > 0) s.append(" · ").append(p.inReview()).append(" in review now");
        return s.toString();
    }

    static ProgressBar bar(ReviewQueue q) {
        var bar = new ProgressBar(0, 1, q.progress().answersNeeded() == 0
                ? 1
                : (double) q.progress().answers() / q.progress().answersNeeded());
        bar.getElement().setAttribute("aria-label", "Progress of queue " + q.name());
        return bar;
    }

    static Component card(ReviewQueue q, Component... actions) {
        var name = new Anchor(ReviewNavigation.queueUrl(q.id()), q.name());
        name.addClassName("sl-queue-name");
        var meta = new Span(progress(q));
        meta.addClassName("sl-queue-meta");
        var who = new Span(q.reviewers().size() + (q.reviewers().size() == 1 ? " reviewer" : " reviewers") + ", "
                + q.reviewersPerSession() + " per session · by " + q.createdBy() + ", "
                + TimeFormat.minutes(q.createdAt()) + " UTC");
        who.addClassName("sl-queue-meta");
        var card = new Div(name, bar(q), meta, who);
        if (q.closed()) card.add(Badges.of("closed", Badges.Tone.NEUTRAL));
        card.add(actions);
        card.addClassName("sl-queue-card");
        card.setId("queue-card-" + q.id());
        return card;
    }
}
