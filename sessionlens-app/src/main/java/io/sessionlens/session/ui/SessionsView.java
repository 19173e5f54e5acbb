package io.sessionlens.session.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.base.ui.DurationFormat;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionRow;
import io.sessionlens.session.SessionService;
import io.sessionlens.session.SessionSort;
import io.sessionlens.trace.model.TraceState;
import io.sessionlens.trace.ui.TraceStateBadge;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The start page: every session, newest first. Filtering, paging and sorting happen in SQL over the session index;
 * the filters live in the URL, so a link reproduces the view.
 */
@Route(SessionNavigation.ROUTE)
@RouteAlias("")
@PageTitle("Sessions · SessionLens")
@PermitAll
class SessionsView extends VerticalLayout implements BeforeEnterObserver {
    private final SessionService sessions;
    private final Grid<SessionRow> grid = new Grid<>(SessionRow.class, false);
    private final ComboBox<String> experiment = new ComboBox<>("Experiment");
    private final TextField user = new TextField("User");
    private final TextField text = new TextField("Search");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final Select<String> state = new Select<>();
    private final Checkbox errorsOnly = new Checkbox("Has errors");
    private final Checkbox rootCauseOnly = new Checkbox("Has root cause");
    private final TextField judge = new TextField("Judge = value");
    private final Span total = new Span();
    private final Span analysing = new Span();
    private long waiting;
    private @Nullable Registration pollRegistration;
    private final Div empty = new Div();
    private SessionFilter filter = SessionFilter.none();
    private boolean loading;

    SessionsView(SessionService sessions) {
        this.sessions = sessions;
        setSizeFull();
        var importLink = new Anchor("import", "Import traces");
        total.setId("sessions-total");
        total.addClassName("sl-small");
        analysing.setId("sessions-analysing");
        analysing.addClassNames("sl-small", "sl-muted");
        var header = new HorizontalLayout(new H2("Sessions"), total, analysing, importLink);
        header.setAlignItems(Alignment.BASELINE);
        header.setWidthFull();
        header.expand(analysing);
        add(header, filters(), empty, grid);
        configureGrid();
        empty.setId("sessions-empty");
    }

    private Component filters() {
        experiment.setId("filter-experiment");
        experiment.setItems(sessions.experiments());
        experiment.setClearButtonVisible(true);
        user.setId("filter-user");
        text.setId("session-search");
        text.setPlaceholder("session id or words from the chat");
        text.setWidth("18rem");
        state.setId("filter-state");
        state.setLabel("State");
        state.setItems("", "OK", "ERROR", "IN_PROGRESS");
        state.setItemLabelGenerator(s -> s.isEmpty() ? "any" : s);
        state.setValue("");
        judge.setId("filter-judge");
        judge.setPlaceholder("user_frustration=unresolved");
        errorsOnly.setId("filter-errors");
        rootCauseOnly.setId("filter-rootcause");
        for (TextField f : List.of(user, text, judge)) {
            f.setClearButtonVisible(true);
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }
        experiment.addValueChangeListener(e -> applyFilters());
        user.addValueChangeListener(e -> applyFilters());
        text.addValueChangeListener(e -> applyFilters());
        from.addValueChangeListener(e -> applyFilters());
        to.addValueChangeListener(e -> applyFilters());
        state.addValueChangeListener(e -> applyFilters());
        errorsOnly.addValueChangeListener(e -> applyFilters());
        rootCauseOnly.addValueChangeListener(e -> applyFilters());
        judge.addValueChangeListener(e -> applyFilters());
        var bar = new FlexLayout(text, experiment, user, from, to, state, judge, errorsOnly, rootCauseOnly);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        bar.setWidthFull();
        return bar;
    }

    private void configureGrid() {
        grid.setId("sessions-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(SessionsView::sessionCell).setHeader("Session").setKey(SessionSort.SESSION.name())
                .setSortable(true)
                .setWidth("13rem").setFlexGrow(0).setResizable(true);
        grid.addComponentColumn(SessionsView::stateCell).setHeader("State").setKey(SessionSort.STATE.name())
                .setSortable(true).setWidth("8.5rem").setFlexGrow(0);
        grid.addComponentColumn(SessionsView::rootCauseCell).setHeader("Root cause")
                .setKey(SessionSort.ROOT_CAUSE.name()).setSortable(true)
                .setWidth("12rem").setFlexGrow(0);
        grid.addComponentColumn(SessionsView::judgeChips).setHeader("Session judges").setWidth("14rem").setFlexGrow(0);
        grid.addColumn(SessionRow::turnCount).setHeader("Turns").setKey(SessionSort.TURNS.name()).setSortable(true)
                .setWidth("5rem").setFlexGrow(0);
        grid.addColumn(SessionRow::errorTurns).setHeader("Errors").setKey(SessionSort.ERRORS.name()).setSortable(true)
                .setWidth("5.5rem").setFlexGrow(0)
                .setTooltipGenerator(r -> r.errorTurns() + " turns with an error state or error span");
        grid.addColumn(r -> TimeFormat.minutes(r.firstRequestTime())).setHeader("First (UTC)")
                .setKey(SessionSort.FIRST_REQUEST.name()).setSortable(true)
                .setWidth("9.5rem").setFlexGrow(0);
        grid.addColumn(r -> TimeFormat.minutes(r.lastRequestTime())).setHeader("Last (UTC)")
                .setKey(SessionSort.LAST_REQUEST.name()).setSortable(true)
                .setWidth("9.5rem").setFlexGrow(0);
        grid.addColumn(r -> DurationFormat.ofMillis(r.durationMs())).setHeader("Latency")
                .setKey(SessionSort.LATENCY.name()).setSortable(true)
                .setWidth("6rem").setFlexGrow(0).setTooltipGenerator(r -> "sum of the turns' execution durations");
        grid.addColumn(SessionRow::user).setHeader("User").setKey(SessionSort.USER.name()).setSortable(true)
                .setWidth("8rem").setFlexGrow(0);
        grid.addColumn(SessionRow::experimentId).setHeader("Exp.").setKey(SessionSort.EXPERIMENT.name())
                .setSortable(true).setWidth("5rem").setFlexGrow(0);
        grid.addColumn(SessionRow::firstInput).setHeader("First input").setFlexGrow(1).setWidth("14rem")
                .setTooltipGenerator(SessionRow::firstInput);
        grid.setItems(
                query -> sessions.search(filter, sortOf(query.getSortOrders()), query.getPage(), query.getPageSize())
                        .stream(),
                query -> (int) sessions.count(filter));
        grid.setSizeFull();
    }

    /** The sortable columns' keys are {@link SessionSort} names. */
    private static List<SessionSort.Order> sortOf(List<QuerySortOrder> orders) {
        return orders.stream().map(o -> new SessionSort.Order(SessionSort.valueOf(o.getSorted()),
                o.getDirection() == SortDirection.DESCENDING)).toList();
    }

    /**
     * While sessions wait for the background analysis (after a big import), say how many and poll every two seconds;
     * the rows' root causes, judges and texts fill in as the analysis gets to them.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        pollRegistration = event.getUI().addPollListener(e -> updateAnalysing(true));
        updateAnalysing(false);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (pollRegistration != null) pollRegistration.remove();
        super.onDetach(event);
    }

    private void updateAnalysing(boolean refreshWhenChanged) {
        long now = sessions.waitingForAnalysis();
        boolean changed = now != waiting;
        waiting = now;
        analysing.setText(now == 0 ? "" : "· analysing " + now + (now == 1 ? " session…" : " sessions…"));
        analysing.setTitle("Imported sessions are listed at once; their root cause, judges and texts fill in as the"
                + " background analysis gets to them. Opening a session analyses it straight away.");
        getUI().ifPresent(ui -> ui.setPollInterval(now > 0 ? 2000 : -1));
        if (refreshWhenChanged && changed) grid.getDataProvider().refreshAll();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        loading = true;
        experiment.setValue(one(p, "experiment"));
        user.setValue(orEmpty(one(p, "user")));
        text.setValue(orEmpty(one(p, "q")));
        from.setValue(date(one(p, "from")));
        to.setValue(date(one(p, "to")));
        state.setValue(orEmpty(one(p, "state")));
        errorsOnly.setValue("true".equals(one(p, "errors")));
        rootCauseOnly.setValue("true".equals(one(p, "rootcause")));
        judge.setValue(orEmpty(one(p, "judge")));
        loading = false;
        applyFilters();
    }

    private void applyFilters() {
        if (loading) return;
        String[] jv = judge.getValue().split("=", 2);
        Instant f = from.getValue() == null ? null : from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant t = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        filter = new SessionFilter(experiment.getValue(), blankToNull(user.getValue()), blankToNull(text.getValue()), f,
                t,
                blankToNull(state.getValue()), errorsOnly.getValue(), rootCauseOnly.getValue(),
                blankToNull(jv[0].trim()),
                jv.length > 1 ? blankToNull(jv[1].trim()) : null);
        grid.getDataProvider().refreshAll();
        long n = sessions.count(filter);
        total.setText(n + (n == 1 ? " session" : " sessions"));
        showEmptyState(n);
        writeUrl();
    }

    private void showEmptyState(long n) {
        empty.removeAll();
        if (n > 0) {
            empty.setVisible(false);
            return;
        }
        empty.setVisible(true);
        if (sessions.count(SessionFilter.none()) == 0) {
            empty.add(new Paragraph("No sessions yet. Import MLflow trace exports to get started."),
                    new Button("Import MLflow traces", e -> getUI().ifPresent(ui -> ui.navigate("import"))));
        } else {
            empty.add(new Paragraph("No session matches these filters."));
        }
    }

    private void writeUrl() {
        Map<String, String> q = new LinkedHashMap<>();
        put(q, "q", text.getValue());
        put(q, "experiment", experiment.getValue());
        put(q, "user", user.getValue());
        put(q, "from", from.getValue() == null ? null : from.getValue().toString());
        put(q, "to", to.getValue() == null ? null : to.getValue().toString());
        put(q, "state", state.getValue());
        put(q, "judge", judge.getValue());
        if (errorsOnly.getValue()) q.put("errors", "true");
        if (rootCauseOnly.getValue()) q.put("rootcause", "true");
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(SessionNavigation.ROUTE, QueryParameters.simple(q))));
    }

    private static Component sessionCell(SessionRow r) {
        var a = new Anchor(SessionNavigation.sessionUrl(r.experimentId(), r.sessionId()), r.sessionId());
        if (r.standalone()) {
            a.setTitle("This trace has no mlflow.trace.session: it is shown as a one-turn session of its own");
            a.addClassName("sl-standalone");
        }
        return a;
    }

    private static Component stateCell(SessionRow r) {
        return TraceStateBadge.of(TraceState.parse(r.state()));
    }

    private static Component rootCauseCell(SessionRow r) {
        if (!r.analysed() && r.rootCauseTurn() == null) {
            var pending = new Span("analysing…");
            pending.addClassNames("sl-small", "sl-muted");
            return pending;
        }
        if (r.rootCauseTurn() == null) return new Span();
        var a = new Anchor(SessionNavigation.turnUrl(r.experimentId(), r.sessionId(), r.rootCauseTurn()),
                "⚑ turn " + r.rootCauseTurn()
                        + (r.rootCauseKind() == null ? "" : " · " + kindLabel(r.rootCauseKind())));
        a.addClassName("sl-root-cause-marker");
        return a;
    }

    /** The kind as the session page words it; a name an older analysis stored is shown as it is. */
    private static String kindLabel(String wire) {
        try {
            return RootCauseKind.ofWire(wire).label();
        } catch (IllegalArgumentException older) {
            return wire.replace('_', ' ');
        }
    }

    private static Component judgeChips(SessionRow r) {
        var box = new Div();
        box.addClassName("sl-chips");
        for (var j : r.sessionJudges()) {
            box.add(Badges.of(j.name() + ": " + j.value(), switch (j.verdict()) {
                case "FAIL" -> Badges.Tone.ERROR;
                case "PASS" -> Badges.Tone.SUCCESS;
                case "NEUTRAL" -> Badges.Tone.WARNING;
                default -> Badges.Tone.NEUTRAL;
            }));
            box.getChildren().reduce((a, b) -> b)
                    .ifPresent(c -> c.getElement().setAttribute("title", j.name() + " = " + j.value()));
        }
        return box;
    }

    private static @Nullable String one(Map<String, List<String>> p, String key) {
        List<String> v = p.get(key);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    private static @Nullable LocalDate date(@Nullable String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void put(Map<String, String> q, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) q.put(key, value);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
