package io.sessionlens.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.review.QueueService;
import io.sessionlens.review.ReviewQueue;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The review queues: the ones the signed-in user reviews ("My queues", each with its Review button), then every queue
 * with its progress. Managers make new ones here (or from the Sessions page's filter).
 */
@Route(ReviewNavigation.ROUTE)
@PageTitle("Review queues · SessionLens")
@StyleSheet("context://styles/review.css")
@PermitAll
class QueuesView extends Div {

    QueuesView(QueueService queues) {
        addClassName("sl-queues");
        var title = new H2("Review queues");
        add(title);
        if (CurrentUser.canManage()) {
            var make = new Button("New queue",
                    e -> getUI().ifPresent(ui -> ui.navigate(ReviewNavigation.newQueueUrl(""))));
            make.setId("new-queue");
            make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new Div(make), new Paragraph("Or set filters on the Sessions page and use “Create review queue from"
                    + " this filter”."));
        }
        String me = CurrentUser.actor();
        List<ReviewQueue> mine = CurrentUser.canWrite() ? queues.reviewedBy(me) : List.of();
        var my = new Div();
        my.setId("my-queues");
        my.add(new H3("My queues"));
        if (mine.isEmpty()) my.add(new Paragraph("You are not a reviewer of any open queue."));
        for (ReviewQueue q : mine) {
            var review = new Button("Review",
                    e -> getUI().ifPresent(ui -> ui.navigate(ReviewNavigation.reviewUrl(q.id()))));
            review.setId("review-" + q.id());
            review.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            my.add(QueueCards.card(q, review));
        }
        add(my);
        var all = new Div();
        all.setId("all-queues");
        all.add(new H3("All queues"));
        List<ReviewQueue> every = queues.list();
        if (every.isEmpty()) all.add(new Paragraph("No review queues yet."));
        for (ReviewQueue q : every) all.add(QueueCards.card(q));
        add(all);
    }
}
