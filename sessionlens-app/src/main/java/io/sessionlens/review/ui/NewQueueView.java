package io.sessionlens.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.sessionlens.account.AccountService;
import io.sessionlens.account.UserAccount;
import io.sessionlens.annotation.LabelSchema;
import io.sessionlens.annotation.LabelSchemaService;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.security.Role;
import io.sessionlens.base.security.Roles;
import io.sessionlens.review.QueueService;
import io.sessionlens.review.ReviewProblem;
import io.sessionlens.review.ReviewQueue;
import io.sessionlens.session.SessionService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A manager makes a queue: the sessions filter (the Sessions page's parameters; its "Create review queue from this
 * filter" link fills it in), how many sessions it matches, a name, the label schemas to fill, the reviewers and how
 * many of them answer each session.
 */
@Route(ReviewNavigation.ROUTE + "/new")
@PageTitle("New review queue · SessionLens")
@StyleSheet("context://styles/review.css")
@RolesAllowed(Roles.MANAGER)
class NewQueueView extends Div implements BeforeEnterObserver {
    private final QueueService queues;
    private final LabelSchemaService schemas;
    private final SessionService sessions;
    private final TextField filter = new TextField("Sessions filter");
    private final Paragraph matching = new Paragraph();
    private final TextField name = new TextField("Name");
    private final MultiSelectComboBox<String> labels = new MultiSelectComboBox<>("Label schemas to fill");
    private final MultiSelectComboBox<String> reviewers = new MultiSelectComboBox<>("Reviewers");
    private final Select<Integer> perSession = new Select<>();
    private final Paragraph error = new Paragraph();

    NewQueueView(QueueService queues, LabelSchemaService schemas, SessionService sessions, AccountService accounts) {
        this.queues = queues;
        this.schemas = schemas;
        this.sessions = sessions;
        addClassNames("sl-queue", "sl-new-queue");
        add(new Anchor(ReviewNavigation.ROUTE, "← All review queues"), new H2("New review queue"));
        filter.setId("queue-filter");
        filter.setHelperText(
                "The Sessions page's filter, as in its address: experiment=…&verdict=root_cause&from=2026-03-02."
                        + " Empty: every session. The sessions it matches now become the queue's items.");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> showMatching());
        matching.setId("queue-matching");
        matching.addClassName("sl-queue-meta");
        name.setId("queue-name");
        name.setMaxLength(QueueService.NAME_MAX);
        name.setRequired(true);
        labels.setId("queue-labels");
        labels.setHelperText(
                "The filter's experiment's label schemas; each answer becomes an annotation by its reviewer.");
        reviewers.setId("queue-reviewers");
        reviewers.setItems(accounts.users().stream().filter(UserAccount::enabled)
                .filter(u -> u.role().includes(Role.ANALYST)).map(UserAccount::username).toList());
        perSession.setId("queue-per-session");
        perSession.setLabel("Reviewers per session");
        perSession.setItems(1, 2, 3);
        perSession.setValue(1);
        perSession.setHelperText(
                "With 2 or 3, answers are compared: agreement figures, and disagreements to adjudicate.");
        error.setId("queue-error");
        error.addClassName("sl-error-text");
        var create = new Button("Create queue", e -> create());
        create.setId("queue-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(filter, matching, name, labels, reviewers, perSession, error, new Div(create));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, String> p = new LinkedHashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((k, v) -> {
            if (!v.isEmpty()) p.put(k, v.getFirst());
        });
        filter.setValue(QueueService.queryString(p));
        showMatching();
    }

    private void showMatching() {
        Map<String, String> f = QueueService.parseQueryString(filter.getValue());
        try {
            long n = queues.matching(f);
            matching.setText(n == 1 ? "1 session matches." : n + " sessions match.");
        } catch (ReviewProblem p) {
            matching.setText(p.getMessage());
        }
        String experiment = f.get("experiment") != null ? f.get("experiment") : f.get("experimentId");
        List<String> experiments = experiment == null || experiment.isBlank()
                ? sessions.experiments()
                : List.of(experiment);
        var names = new TreeSet<String>();
        for (String exp : experiments) schemas.list(exp).stream().map(LabelSchema::name).forEach(names::add);
        var chosen = new ArrayList<>(labels.getValue());
        labels.setItems(names);
        labels.setValue(chosen.stream().filter(names::contains).toList());
    }

    private void create() {
        try {
            ReviewQueue q = queues.create(new QueueService.NewQueue(name.getValue(),
                    QueueService.parseQueryString(filter.getValue()), new ArrayList<>(labels.getValue()),
                    new ArrayList<>(reviewers.getValue()), perSession.getValue() == null ? 1 : perSession.getValue()),
                    CurrentUser.actor());
            getUI().ifPresent(ui -> ui.navigate(ReviewNavigation.queueUrl(q.id())));
        } catch (ReviewProblem p) {
            error.setText(p.getMessage());
        }
    }
}
