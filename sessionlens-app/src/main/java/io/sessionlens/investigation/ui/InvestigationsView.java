package io.sessionlens.investigation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.investigation.InvestigationFilter;
import io.sessionlens.investigation.InvestigationReport;
import io.sessionlens.investigation.InvestigationService;
import io.sessionlens.investigation.InvestigationStatus;
import io.sessionlens.investigation.InvestigationSummary;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every investigation, newest change first, filtered by status, owner, experiment (has evidence from it) and root-cause
 * kind; the filters are in the URL. Analysts open new ones here.
 */
@Route(InvestigationNavigation.ROUTE)
@PageTitle("Investigations · SessionLens")
@PermitAll
@StyleSheet("context://styles/investigations.css")
class InvestigationsView extends VerticalLayout implements BeforeEnterObserver {
    private final InvestigationService investigations;
    private final Select<String> status = new Select<>();
    private final ComboBox<String> owner = new ComboBox<>("Owner");
    private final ComboBox<String> experiment = new ComboBox<>("Experiment");
    private final Select<String> kind = new Select<>();
    private final Grid<InvestigationSummary> grid = new Grid<>(InvestigationSummary.class, false);
    private boolean reading;
    /** Columns a phone leaves out (no sideways scrolling). */
    private final List<Grid.Column<InvestigationSummary>> wide = new java.util.ArrayList<>();

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().retrieveExtendedClientDetails(d -> wide.forEach(c -> c.setVisible(
                d.getWindowInnerWidth() >= 700)));
    }

    InvestigationsView(InvestigationService investigations) {
        this.investigations = investigations;
        addClassName("sl-investigations");
        setSizeFull();
        status.setId("filter-status");
        status.setLabel("Status");
        status.setItems(List.of("", "open", "concluded", "wont_fix"));
        status.setItemLabelGenerator(s -> s.isEmpty()
                ? "any"
                : InvestigationStatus.parse(s).map(
                        InvestigationStatus::label).orElse(s));
        owner.setId("filter-owner");
        owner.setClearButtonVisible(true);
        experiment.setId("filter-experiment");
        experiment.setClearButtonVisible(true);
        kind.setId("filter-kind");
        kind.setLabel("Root-cause kind");
        List<String> kinds = new java.util.ArrayList<>(List.of(""));
        Arrays.stream(RootCauseKind.values()).map(RootCauseKind::wire).forEach(kinds::add);
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> k.isEmpty() ? "any" : InvestigationReport.kindLabel(k));
        for (var f : List.of(status, kind))
            f.addValueChangeListener(e -> filtersChanged());
        owner.addValueChangeListener(e -> filtersChanged());
        experiment.addValueChangeListener(e -> filtersChanged());

        var filters = new FlexLayout(status, owner, experiment, kind);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("sl-inv-filters");
        var head = new HorizontalLayout(new H2("Investigations"));
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.setWidthFull();
        head.setWrap(true);
        if (CurrentUser.canWrite()) {
            var create = new Button("New investigation", VaadinIcon.PLUS.create(), e -> createDialog());
            create.setId("new-investigation");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            head.add(create);
        }
        grid.setId("investigations-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(s -> new Anchor(InvestigationNavigation.investigationUrl(s.id()), s.title()))
                .setHeader("Investigation").setFlexGrow(3);
        grid.addColumn(s -> s.status().label()).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        wide.add(grid.addColumn(s -> s.rootCauseKind() == null ? "" : InvestigationReport.kindLabel(s.rootCauseKind()))
                .setHeader("Kind").setAutoWidth(true).setFlexGrow(0));
        wide.add(grid.addColumn(InvestigationSummary::owner).setHeader("Owner").setAutoWidth(true).setFlexGrow(0));
        grid.addColumn(s -> s.pins() + " / " + s.sessions()).setHeader("Pins / sessions").setAutoWidth(true)
                .setFlexGrow(0);
        wide.add(grid.addColumn(s -> TimeFormat.minutes(s.updatedAt())).setHeader("Changed (UTC)").setAutoWidth(true)
                .setFlexGrow(0));
        grid.setSizeFull();
        add(head, filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var q = event.getLocation().getQueryParameters();
        reading = true;
        owner.setItems(investigations.owners());
        experiment.setItems(investigations.experiments());
        status.setValue(q.getSingleParameter("status").filter(s -> InvestigationStatus.parse(s).isPresent())
                .map(s -> InvestigationStatus.parse(s).get().wire()).orElse(""));
        owner.setValue(q.getSingleParameter("owner").orElse(null));
        experiment.setValue(q.getSingleParameter("experiment").orElse(null));
        kind.setValue(q.getSingleParameter("kind").filter(k -> Arrays.stream(RootCauseKind.values())
                .anyMatch(r -> r.wire().equals(k))).orElse(""));
        reading = false;
        refresh();
    }

    private void filtersChanged() {
        if (reading) return;
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "status", status.getValue());
        put(params, "owner", owner.getValue());
        put(params, "experiment", experiment.getValue());
        put(params, "kind", kind.getValue());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location(InvestigationNavigation.ROUTE, new QueryParameters(params))));
        refresh();
    }

    private void refresh() {
        InvestigationStatus s = status.getValue() == null || status.getValue().isEmpty()
                ? null
                : InvestigationStatus.parse(status.getValue()).orElse(null);
        grid.setItems(investigations.search(new InvestigationFilter(s, owner.getValue(), experiment.getValue(),
                kind.getValue() == null || kind.getValue().isEmpty() ? null : kind.getValue())));
    }

    private static void put(Map<String, List<String>> params, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) params.put(key, List.of(value));
    }

    private void createDialog() {
        var dialog = new Dialog();
        dialog.setId("new-investigation-dialog");
        dialog.setHeaderTitle("New investigation");
        dialog.setWidth("min(560px, 96vw)");
        var title = new TextField("Title");
        title.setId("new-title");
        title.setWidthFull();
        title.setMaxLength(InvestigationService.MAX_TITLE);
        var hypothesis = new TextArea("Hypothesis");
        hypothesis.setId("new-hypothesis");
        hypothesis.setWidthFull();
        hypothesis.setPlaceholder("Refund questions go wrong since the 12th because …");
        dialog.add(new Paragraph("Pin evidence to it from session, turn and span pages."), title, hypothesis);
        var create = new Button("Create", e -> {
            try {
                long id = investigations.create(title.getValue(), hypothesis.getValue()).id();
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(InvestigationNavigation.investigationUrl(id)));
            } catch (InvestigationService.InvalidInvestigation problem) {
                title.setInvalid(true);
                title.setErrorMessage(problem.getMessage());
                Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        create.setId("new-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
    }
}
