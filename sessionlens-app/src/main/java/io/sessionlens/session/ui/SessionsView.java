package io.sessionlens.session.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.base.ui.DurationFormat;
import io.sessionlens.base.ui.EvidencePins;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionQuery;
import io.sessionlens.session.SessionRow;
import io.sessionlens.session.SessionService;
import io.sessionlens.session.SessionSort;
import io.sessionlens.session.SessionSummary;
import io.sessionlens.session.SessionVerdict;
import io.sessionlens.trace.ExperimentNames;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The start page: what went wrong, session by session. A summary line counts the verdicts and root-cause kinds (each a
 * filter), the grid shows one verdict per session with MLflow's trace state apart. Filtering, paging and sorting happen
 * in SQL over the session index; filters and sort live in the URL ({@link SessionQuery}), so a link reproduces the view
 * and the export buttons export exactly it. On narrow screens the filters fold behind a button and the grid keeps the
 * columns that fit.
 */
@Route(SessionNavigation.ROUTE)
@RouteAlias("")
@PageTitle("Sessions · SessionLens")
@StyleSheet("context://styles/sessions-list.css")
@PermitAll
class SessionsView extends VerticalLayout implements BeforeEnterObserver, AfterNavigationObserver {
    /** Which columns a grid this wide (px) has room for, narrowest first. */
    enum Fit {
        TINY(0), SMALL(630), MEDIUM(900), LARGE(1125), WIDE(1420);

        final int minWidth;

        Fit(int minWidth) {
            this.minWidth = minWidth;
        }
    }

    private static final String ANY = "";
    private static final String KIND = "kind:";

    private final SessionService sessions;
    private final ExperimentNames names;
    private final Grid<SessionRow> grid = new Grid<>(SessionRow.class, false);
    /** Turns the grid's checkboxes on or off (analysts only; null for a viewer). */
    private java.util.function.@Nullable Consumer<Boolean> selectable;
    private final Map<Fit, List<Grid.Column<SessionRow>>> columnsFrom = new EnumMap<>(Fit.class);
    private final ComboBox<String> experiment = new ComboBox<>("Experiment");
    private final TextField user = new TextField("User");
    private final TextField text = new TextField("Search");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final Select<String> state = new Select<>();
    private final Select<String> verdict = new Select<>();
    private final Checkbox errorsOnly = new Checkbox("Has errors");
    private final ComboBox<String> judge = new ComboBox<>("Judge = value");
    private final Div filterBar = new Div();
    private final Button filtersToggle = new Button("Filters");
    private final Span total = new Span();
    private final Span analysing = new Span();
    private final SummaryLine summaryLine = new SummaryLine(this::linkFor);
    private final Div problems = new Div();
    /** Filters a link brought that have no field (the overview's drill-downs): shown as chips, each removable. */
    private final Div linkFilters = new Div();
    private final Anchor exportCsv = new Anchor("", "CSV");
    private final Anchor exportJson = new Anchor("", "JSON");
    /** "Create review queue from this filter" (managers): the review feature's new-queue form, by its route. */
    private final Anchor makeQueue = new Anchor("queues/new", "Create review queue from this filter");
    private final Div empty = new Div();
    private long waiting;
    private @Nullable Registration pollRegistration;
    private SessionQuery query = SessionQuery.none();
    /** Where the grid's pages of the current filters ended: position → cursor (see {@link #fetch}). */
    private final NavigableMap<Integer, String> cursors = new TreeMap<>();
    private List<SessionSort.Order> cursorsSort = List.of();
    private static final int CURSOR_REACH = 1_000;
    private static final int MAX_CURSORS = 200;
    private SessionSummary summary = new SessionSummary(0, 0, 0, 0, Map.of());
    private long shown;
    private List<String> judgeSuggestions = List.of();
    private List<SessionQuery.Problem> linkProblems = List.of();
    private boolean loading;

    SessionsView(SessionService sessions, ExperimentNames names, EvidencePins pins) {
        this.sessions = sessions;
        this.names = names;
        setSizeFull();
        addClassName("sl-sessions");
        add(header(), summaryLine, problems, linkFilters, filters(), empty, selectionBar(pins), grid);
        linkFilters.setId("sessions-link-filters");
        linkFilters.addClassName("sl-link-filters");
        linkFilters.setVisible(false);
        problems.setId("sessions-problems");
        problems.addClassName("sl-problems");
        problems.setVisible(false);
        empty.setId("sessions-empty");
        configureGrid();
    }

    /**
     * Analysts select sessions (the grid's checkboxes) and add them to an investigation at once; a viewer's list has no
     * checkboxes. Clicking a session still opens it.
     */
    private Component selectionBar(EvidencePins pins) {
        var bar = new Div();
        bar.setId("sessions-selection");
        bar.addClassName("sl-selection-bar");
        if (!CurrentUser.canWrite()) {
            bar.setVisible(false);
            return bar;
        }
        var select = new Button("Select sessions", VaadinIcon.CHECK_SQUARE_O.create());
        select.setId("select-sessions");
        select.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        select.setTooltipText("Select sessions to add them to an investigation");
        var add = new Button("Add to an investigation", VaadinIcon.PIN.create());
        add.setId("pin-selected");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        add.setVisible(false);
        add.addClickListener(e -> pins.pinAll(grid.getSelectedItems().stream()
                .map(r -> new EvidencePins.Evidence(r.experimentId(), r.sessionId(), null, null, null,
                        "session " + r.sessionId()))
                .toList()));
        bar.add(select, add);
        // The checkboxes come only when asked for: the list keeps its columns otherwise. A phone's list (session and
        // verdict only) has no room for them: pin from the session page there.
        selectable = on -> {
            boolean now = grid.getSelectionModel() instanceof GridMultiSelectionModel;
            if (on != now) {
                grid.setSelectionMode(on ? Grid.SelectionMode.MULTI : Grid.SelectionMode.NONE);
                if (on) grid.addSelectionListener(e -> {
                    int n = e.getAllSelectedItems().size();
                    add.setText("Add " + n + (n == 1 ? " session" : " sessions") + " to an investigation");
                    add.setVisible(n > 0);
                });
            }
            add.setVisible(false);
            select.setText(on ? "Done selecting" : "Select sessions");
            grid.getElement().setAttribute("data-selecting", on);
            fitColumns();
        };
        select.addClickListener(e -> {
            if (selectable != null)
                selectable.accept(!(grid.getSelectionModel() instanceof GridMultiSelectionModel));
        });
        return bar;
    }

    private Component header() {
        total.setId("sessions-total");
        total.addClassName("sl-small");
        analysing.setId("sessions-analysing");
        analysing.addClassNames("sl-small", "sl-muted");
        analysing.setTitle("Imported sessions are listed at once; their root cause, judges and texts fill in as the"
                + " background analysis gets to them. Opening a session analyses it straight away.");
        exportCsv.setId("export-csv");
        exportJson.setId("export-json");
        var export = new Span(new Span("Export "), exportCsv, new Span(" · "), exportJson);
        export.addClassName("sl-export");
        export.setTitle("Download the sessions these filters keep (all pages), in this order");
        for (Anchor a : List.of(exportCsv, exportJson)) {
            a.getElement().setAttribute("download", true);
            a.getElement().setAttribute("router-ignore", true);
        }
        var importLink = new Anchor("import", "Import traces");
        var head = new Div(new H2("Sessions"), total, analysing, export, importLink);
        makeQueue.setId("create-queue-from-filter");
        if (io.sessionlens.base.security.CurrentUser.canManage()) head.add(makeQueue);
        head.addClassName("sl-sessions-head");
        return head;
    }

    private Component filters() {
        experiment.setId("filter-experiment");
        experiment.setItems(sessions.experiments());
        experiment.setItemLabelGenerator(names::label);   // "name (id)", or the id of an unnamed experiment
        experiment.setClearButtonVisible(true);
        user.setId("filter-user");
        text.setId("session-search");
        text.setPlaceholder("session id or words from the chat");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        state.setId("filter-state");
        state.setLabel("MLflow state");
        state.setTooltipText("The trace state MLflow recorded (worst of the turns), not SessionLens' verdict");
        state.setItems(ANY, "OK", "ERROR", "IN_PROGRESS");
        state.setItemLabelGenerator(s -> s.isEmpty() ? "any" : s);
        state.setValue(ANY);
        verdict.setId("filter-verdict");
        verdict.setLabel("Verdict");
        List<String> verdicts = new ArrayList<>(List.of(ANY, SessionVerdict.ROOT_CAUSE.wire()));
        for (RootCauseKind k : RootCauseKind.values()) verdicts.add(KIND + k.wire());
        verdicts.addAll(List.of(SessionVerdict.HEALTHY.wire(), SessionVerdict.NOT_ANALYSED.wire()));
        verdict.setItems(verdicts);
        verdict.setItemLabelGenerator(SessionsView::verdictLabel);
        verdict.setValue(ANY);
        judgeSuggestions = sessions.judgeSuggestions();
        judge.setItems(judgeSuggestions);   // before a link's value is set (beforeEnter comes before attach)
        judge.setId("filter-judge");
        judge.setPlaceholder("name=value");
        judge.setHelperText("session or per-turn judge");
        judge.setAllowCustomValue(true);
        judge.setClearButtonVisible(true);
        judge.addCustomValueSetListener(e -> judge.setValue(e.getDetail()));
        errorsOnly.setId("filter-errors");
        errorsOnly.setTooltipText("At least one turn ended in an error state or has an error span");
        for (TextField f : List.of(user, text)) {
            f.setClearButtonVisible(true);
            f.setValueChangeMode(ValueChangeMode.LAZY);   // one query when typing pauses, not one per keystroke
            f.setValueChangeTimeout(150);
        }
        experiment.addValueChangeListener(e -> applyFilters());
        user.addValueChangeListener(e -> applyFilters());
        text.addValueChangeListener(e -> applyFilters());
        from.addValueChangeListener(e -> applyFilters());
        to.addValueChangeListener(e -> applyFilters());
        state.addValueChangeListener(e -> applyFilters());
        verdict.addValueChangeListener(e -> applyFilters());
        errorsOnly.addValueChangeListener(e -> applyFilters());
        judge.addValueChangeListener(e -> applyFilters());

        filterBar.setId("sessions-filters");
        filterBar.addClassName("sl-filters");
        filterBar.add(experiment, user, from, to, verdict, state, judge, errorsOnly);
        filtersToggle.setId("filters-toggle");
        filtersToggle.addClassName("sl-filters-toggle");
        filtersToggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        filtersToggle.setIcon(VaadinIcon.FILTER.create());
        filtersToggle.getElement().setAttribute("aria-controls", "sessions-filters");
        filtersToggle.getElement().setAttribute("aria-expanded", "false");
        filtersToggle.addClickListener(e -> {
            boolean open = !filterBar.hasClassName("sl-open");
            filterBar.setClassName("sl-open", open);
            filtersToggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
        var top = new Div(text, filtersToggle);
        top.addClassName("sl-search-row");
        var box = new Div(top, filterBar);
        box.addClassName("sl-filter-box");
        return box;
    }

    private void configureGrid() {
        Grid.Column<SessionRow> firstInput;
        grid.setId("sessions-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        var session = grid.addColumn(sessionCell()).setHeader("Session")
                .setKey(SessionSort.SESSION.name()).setSortable(true).setFrozen(true).setResizable(true)
                .setWidth("9rem").setFlexGrow(1);
        var verdictColumn = grid.addColumn(verdictCell()).setHeader("Verdict")
                .setKey(SessionSort.ROOT_CAUSE.name()).setSortable(true).setWidth("12.5rem").setFlexGrow(0);
        column(Fit.TINY, session, verdictColumn);
        column(Fit.SMALL, grid.addColumn(judgesCell()).setHeader("Judges (failing first)")
                .setWidth("13rem").setFlexGrow(0),
                grid.addColumn(SessionRow::turnCount).setHeader("Turns")
                        .setKey(SessionSort.TURNS.name()).setSortable(true).setWidth("4.5rem").setFlexGrow(0)
                        .setTextAlign(ColumnTextAlign.END));
        column(Fit.MEDIUM,
                grid.addColumn(r -> TimeFormat.minutes(r.lastRequestTime())).setHeader("Last (UTC)")
                        .setKey(SessionSort.LAST_REQUEST.name()).setSortable(true).setWidth("9.5rem").setFlexGrow(0),
                grid.addColumn(mlflowStateCell()).setHeader(mlflowStateHeader())
                        .setKey(SessionSort.STATE.name()).setSortable(true).setWidth("7.5rem").setFlexGrow(0));
        column(Fit.LARGE, grid.addColumn(SessionRow::user).setHeader("User").setKey(SessionSort.USER.name())
                .setSortable(true).setWidth("6rem").setFlexGrow(0),
                firstInput = grid.addColumn(SessionRow::firstInput).setHeader("First input").setFlexGrow(2)
                        .setWidth("8rem").setTooltipGenerator(SessionRow::firstInput));
        column(Fit.WIDE, grid.addColumn(SessionRow::errorTurns).setHeader("Errors").setKey(SessionSort.ERRORS.name())
                .setSortable(true).setWidth("5rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(r -> r.errorTurns() + " turns with an error state or error span"),
                grid.addColumn(r -> DurationFormat.ofMillis(r.durationMs())).setHeader("Latency")
                        .setKey(SessionSort.LATENCY.name()).setSortable(true).setWidth("5.5rem").setFlexGrow(0)
                        .setTooltipGenerator(r -> "sum of the turns' execution durations"),
                grid.addColumn(SessionRow::experimentId).setHeader("Experiment")
                        .setKey(SessionSort.EXPERIMENT.name()).setSortable(true).setWidth("8rem").setFlexGrow(0)
                        .setTooltipGenerator(SessionRow::experimentId));
        List<Grid.Column<SessionRow>> order = new ArrayList<>(grid.getColumns());
        order.remove(firstInput);
        order.add(firstInput);   // the one column that takes what width is left, last
        grid.setColumnOrder(order);
        grid.setItems(q -> fetch(sortOf(q.getSortOrders()), q.getOffset(), q.getLimit()),
                q -> (int) Math.min(shown, Integer.MAX_VALUE));   // counted by the summary, not again
        grid.addSortListener(e -> {
            query = query.withSort(sortOf(e.getSortOrder().stream()
                    .map(o -> new QuerySortOrder(o.getSorted().getKey(), o.getDirection())).toList()));
            if (!loading) writeUrl();
        });
        grid.setSizeFull();
        fit(Fit.LARGE);
    }

    /*
     * The grid's cells are Lit templates filled from each row's values (decision 045): a page of component cells cost
     * the typed search about 170 ms more, server and browser together. Lit escapes every value it puts in, so a trace's
     * text stays text.
     */

    /** The session's id as a link to it, and how many annotations it has. */
    private static LitRenderer<SessionRow> sessionCell() {
        return LitRenderer
                .<SessionRow>of(
                        """
                                <div class="sl-session-cell"><a class="sl-session-link ${item.standalone ? 'sl-standalone' : ''}" \
                                href="${item.href}" title="${item.title}">${item.id}</a>${item.notes ? html`<span class="sl-annotated" \
                                title="${item.notesTitle}"><vaadin-icon icon="vaadin:comment-o"></vaadin-icon><span>${item.notes}</span>\
                                </span>` : ''}</div>""")
                .withProperty("id", SessionRow::sessionId)
                .withProperty("href", r -> SessionNavigation.sessionUrl(r.experimentId(), r.sessionId()))
                .withProperty("standalone", SessionRow::standalone)
                .withProperty("title", r -> r.standalone()
                        ? "This trace has no mlflow.trace.session: it is shown as a one-turn session of its own"
                        : r.sessionId())
                .withProperty("notes", SessionRow::annotationCount)
                .withProperty("notesTitle", r -> r.annotationCount() == 1
                        ? "1 annotation"
                        : r.annotationCount() + " annotations");
    }

    /** The verdict: the root cause's turn and kind (a link to the turn), healthy, or waiting; who gave it. */
    private static LitRenderer<SessionRow> verdictCell() {
        return LitRenderer.<SessionRow>of("""
                <div class="sl-verdict-cell">${item.turn ? html`<a class="sl-root-cause-marker" href="${item.href}" \
                title="${item.title}">${item.text}</a>` : html`<span class="${item.cls}" title="${item.title}">\
                ${item.text}</span>`}${item.human ? html`<span class="sl-reviewed" title="${item.humanTitle}">reviewed\
                </span>` : ''}${item.cut ? html`<span class="sl-import-interrupted" title="${item.cutTitle}">\
                ⚠ import interrupted</span>` : ''}</div>""")
                .withProperty("turn", r -> r.verdict() == SessionVerdict.ROOT_CAUSE)
                .withProperty("href", r -> r.verdict() != SessionVerdict.ROOT_CAUSE
                        ? ""
                        : SessionNavigation.turnUrl(
                                r.experimentId(), r.sessionId(), r.rootCauseTurn() == null ? 1 : r.rootCauseTurn()))
                .withProperty("text", r -> switch (r.verdict()) {
                    case ROOT_CAUSE -> "⚑ turn " + r.rootCauseTurn() + " · " + kindLabel(r);
                    case HEALTHY -> "✓ healthy";
                    case NOT_ANALYSED -> r.analysed() ? "not analysed" : "analysing…";
                })
                .withProperty("cls", r -> r.verdict() == SessionVerdict.HEALTHY
                        ? "sl-verdict-healthy"
                        : "sl-verdict-pending")
                .withProperty("title", r -> switch (r.verdict()) {
                    case ROOT_CAUSE -> "Root cause: " + kindLabel(r) + " in turn " + r.rootCauseTurn()
                            + (r.analysed() ? "" : " (from an earlier analysis; being analysed again)");
                    case HEALTHY -> "Analysed: no root cause found";
                    case NOT_ANALYSED -> r.analysed()
                            ? "The analysis could not read this session; open it to see its turns"
                            : "Waiting for the background analysis; opening the session analyses it now";
                })
                .withProperty("human", r -> "human".equals(r.verdictSource()))
                .withProperty("humanTitle", r -> "A reviewer's verdict; the analysis' own is on the session page")
                .withProperty("cut", SessionRow::importInterrupted)
                .withProperty("cutTitle", r -> "The server stopped while this session was being imported: turns may"
                        + " be missing. Import its export again to complete it.");
    }

    private static String kindLabel(SessionRow r) {
        return r.rootCauseKind() == null ? "root cause" : SummaryLine.kindLabel(r.rootCauseKind());
    }

    /** One badge per failing judge (the filtered judge first), then how many others; every judge in the tooltip. */
    private LitRenderer<SessionRow> judgesCell() {
        return LitRenderer.<SessionRow>of("""
                <div class="sl-chips" title="${item.chips.title}">${item.chips.failing.map(c => html`<vaadin-badge \
                theme="${c.theme}" data-verdict="${c.verdict}">${c.text}</vaadin-badge>`)}${item.chips.more \
                ? html`<span class="sl-judges-more">${item.chips.more}</span>` : ''}</div>""")
                .withProperty("chips", this::judgeChips);
    }

    /** A judge badge as the cell's template reads it. */
    public record Chip(String text, String verdict, String theme) {}

    /** The judges cell's values: the failing judges' badges, the line about the others, the tooltip. */
    public record JudgeChips(List<Chip> failing, String more, String title) {}

    private JudgeChips judgeChips(SessionRow r) {
        String filtered = query.filter().judgeName();
        Comparator<String> filteredFirst = Comparator
                .comparing(name -> !name.equalsIgnoreCase(String.valueOf(filtered)));
        List<Chip> failing = new ArrayList<>();
        r.sessionJudges().stream().filter(SessionRow.JudgeChip::failing)
                .sorted(Comparator.comparing(SessionRow.JudgeChip::name, filteredFirst))
                .forEach(j -> failing.add(chip(j.name() + ": " + j.value(), j.verdict())));
        r.turnJudges().stream().filter(SessionRow.TurnJudge::failing)
                .sorted(Comparator.comparing(SessionRow.TurnJudge::name, filteredFirst))
                .forEach(j -> failing.add(chip(j.name() + ": " + j.value() + " · "
                        + SessionRow.turnsLabel(j.turns()), j.verdict())));
        List<String> title = new ArrayList<>(failing.stream().map(Chip::text).toList());
        List<String> others = new ArrayList<>();
        r.sessionJudges().stream().filter(j -> !j.failing()).forEach(j -> others.add(j.name() + ": " + j.value()));
        r.turnJudges().stream().filter(j -> !j.failing()).forEach(j -> others.add(j.name() + ": " + j.value() + " ("
                + SessionRow.turnsLabel(j.turns()) + ")"));
        String more = "";
        if (!others.isEmpty()) {
            int n = others.size();
            more = failing.isEmpty()
                    ? n + (n == 1 ? " judge, not failing" : " judges, none failing")
                    : "+" + n + (n == 1 ? " other" : " others");
            title.add("");
            title.addAll(others);
        }
        return new JudgeChips(failing, more, String.join("\n", title));
    }

    private static Chip chip(String text, String verdict) {
        return new Chip(text, verdict, switch (verdict) {
            case "FAIL" -> "error";
            case "PASS" -> "success";
            case "NEUTRAL" -> "warning";
            default -> "contrast";
        });
    }

    /** MLflow's own state of the session's worst turn, apart from the verdict. */
    private static LitRenderer<SessionRow> mlflowStateCell() {
        return LitRenderer.<SessionRow>of("""
                <span class="sl-mlflow-state ${item.state === 'ERROR' ? 'sl-error-text' : 'sl-muted'}">\
                ${item.state}</span>""")
                .withProperty("state", SessionRow::state);
    }

    @SafeVarargs
    private void column(Fit fit, Grid.Column<SessionRow>... columns) {
        columnsFrom.put(fit, List.of(columns));
    }

    /** Shows the columns a grid of this fit has room for; called by the browser as the grid's width changes. */
    /** Measures again: the selection column came or went. */
    private void fitColumns() {
        grid.getElement().executeJs("if (this.slFit) this.slFit(true)");
    }

    @ClientCallable
    void fit(String name) {
        try {
            fit(Fit.valueOf(name));
        } catch (IllegalArgumentException ignored) {
            // a name from an older page script: keep the columns as they are
        }
    }

    private void fit(Fit fit) {
        if (fit == Fit.TINY && selectable != null && grid.getSelectionModel() instanceof GridMultiSelectionModel)
            selectable.accept(false);
        columnsFrom.forEach((f, cols) -> cols.forEach(c -> c.setVisible(f.compareTo(fit) <= 0)));
        grid.getElement().setAttribute("data-fit", fit.name().toLowerCase());
    }

    private static Component mlflowStateHeader() {
        var h = new Span("MLflow state");
        h.setTitle("The trace state MLflow recorded (the worst of the turns). It says whether the code raised an"
                + " error, not whether the answer was right: that is the Verdict.");
        return h;
    }

    /** The sortable columns' keys are {@link SessionSort} names. */
    private static List<SessionSort.Order> sortOf(List<QuerySortOrder> orders) {
        return orders.stream().map(o -> new SessionSort.Order(SessionSort.valueOf(o.getSorted()),
                o.getDirection() == SortDirection.DESCENDING)).toList();
    }

    /**
     * While sessions wait for the background analysis (after a big import), say how many and poll every two seconds;
     * the rows' verdicts, judges and texts fill in as the analysis gets to them.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        pollRegistration = event.getUI().addPollListener(e -> updateAnalysing(true));
        updateAnalysing(false);
        // Which columns fit: measured in the browser, reported only when the fit changes.
        grid.getElement().executeJs("""
                const grid = this, view = $0, fits = $1;
                let last = null;
                grid.slFit = (force) => {
                  if (!grid.clientWidth) return;
                  // while selecting, the selection column (56 px): the columns that fit are counted without it
                  const w = grid.clientWidth - (grid.getAttribute('data-selecting') === 'true' ? 56 : 0);
                  const fit = fits.filter(f => w >= f[1]).map(f => f[0]).pop() || fits[0][0];
                  if (fit !== last || force) { last = fit; view.$server.fit(fit); }
                };
                new ResizeObserver(() => grid.slFit(false)).observe(grid);""", getElement(), Stream.of(Fit.values())
                .map(f -> List.of(f.name(), f.minWidth)).toList());
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
        getUI().ifPresent(ui -> ui.setPollInterval(now > 0 ? 2000 : -1));
        if (refreshWhenChanged && changed) refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SessionQuery.Parsed parsed = SessionQuery.parse(event.getLocation().getQueryParameters().getParameters());
        linkProblems = parsed.problems();
        show(parsed.query());
    }

    /** The URL as the view reads it (a parameter it could not read left out); after the router has written its own. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        writeUrl();
    }

    /** Puts the query into the fields and the grid's sort, then lists it. */
    private void show(SessionQuery q) {
        loading = true;
        SessionFilter f = q.filter();
        experiment.setValue(f.experimentId());
        user.setValue(orEmpty(f.user()));
        text.setValue(orEmpty(f.text()));
        from.setValue(f.from() == null ? null : LocalDate.ofInstant(f.from(), ZoneOffset.UTC));
        to.setValue(f.to() == null ? null : LocalDate.ofInstant(f.to().minusNanos(1), ZoneOffset.UTC));
        state.setValue(f.state() == null ? ANY : f.state());
        verdict.setValue(f.rootCauseKind() != null
                ? KIND + f.rootCauseKind()
                : f.verdict() == null ? ANY : f.verdict().wire());
        errorsOnly.setValue(f.errorsOnly());
        judge.setValue(f.judgeName() == null ? null : f.judgeName() + "=" + f.judgeValue());
        grid.sort(q.sort().stream().map(o -> new GridSortOrder<>(grid.getColumnByKey(o.key().name()),
                o.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING)).toList());
        query = q;
        loading = false;
        applyFilters();
    }

    /** The fields as URL parameters, read back by the same parser as a link: one set of rules for both. */
    private void applyFilters() {
        if (loading) return;
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "q", text.getValue());
        put(p, "experiment", experiment.getValue());
        put(p, "user", user.getValue());
        put(p, "from", from.getValue() == null ? null : from.getValue().toString());
        put(p, "to", to.getValue() == null ? null : to.getValue().toString());
        put(p, "state", state.getValue());
        String v = verdict.getValue();
        if (v != null && v.startsWith(KIND)) put(p, "kind", v.substring(KIND.length()));
        else
            put(p, "verdict", v);
        if (errorsOnly.getValue()) put(p, "errors", "true");
        put(p, "judge", judge.getValue());
        SessionQuery.Parsed parsed = SessionQuery.parse(p);
        SessionFilter kept = query.filter();   // the filters without a field stay until their chip is removed
        query = parsed.query().withSort(query.sort()).withFilter(parsed.query().filter()
                .withStarted(kept.startedFrom(), kept.startedTo()).withVerdictSource(kept.verdictSource())
                .withFailingJudge(kept.failingJudge()).withRootCauseTurn(kept.rootCauseTurn()));
        showProblems(parsed.problems());
        refresh();
        writeUrl();
    }

    /** A chip per filter without a field, with a button that removes it. */
    private void showLinkFilters() {
        linkFilters.removeAll();
        SessionFilter f = query.filter();
        if (f.startedFrom() != null || f.startedTo() != null) {
            Map<String, String> q = query.toParameters();
            String from = q.getOrDefault("startedFrom", "…"), to = q.getOrDefault("startedTo", "…");
            linkFilter("started", "Started " + (from.equals(to) ? "on " + from : from + " – " + to),
                    x -> x.withStarted(null, null));
        }
        if (f.verdictSource() != null)
            linkFilter("verdictSource", "human".equals(f.verdictSource())
                    ? "Verdict by a reviewer"
                    : "Verdict by the analysis", x -> x.withVerdictSource(null));
        if (f.failingJudge() != null)
            linkFilter("failing", "Judge " + f.failingJudge() + " failed", x -> x.withFailingJudge(null));
        if (f.rootCauseTurn() != null)
            linkFilter("rootCauseTurn", "Root cause at turn " + f.rootCauseTurn(), x -> x.withRootCauseTurn(null));
        linkFilters.setVisible(linkFilters.getComponentCount() > 0);
    }

    private void linkFilter(String key, String text, UnaryOperator<SessionFilter> without) {
        var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            query = query.withFilter(without.apply(query.filter()));
            refresh();
            writeUrl();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel("Remove the filter: " + text);
        var chip = new Span(new Span(text), remove);   // Span(String) sets text: trace-supplied judge names stay text
        chip.addClassName("sl-link-filter");
        chip.getElement().setAttribute("data-filter", key);
        linkFilters.add(chip);
    }

    /**
     * The grid's rows from {@code offset}: read after the cursor where an earlier page ended when there is one close
     * before it (scrolling on costs what the first page costs, however deep: decision 045), else by position.
     */
    private Stream<SessionRow> fetch(List<SessionSort.Order> sort, int offset, int limit) {
        if (!sort.equals(cursorsSort)) {
            cursors.clear();
            cursorsSort = sort;
        }
        var known = cursors.floorEntry(offset);
        SessionService.RowSlice slice = known != null && offset - known.getKey() <= CURSOR_REACH
                ? sessions.slice(query.filter(), sort, known.getValue(), offset - known.getKey(), limit)
                : sessions.slice(query.filter(), sort, null, offset, limit);
        if (slice.next() != null) {
            cursors.put(offset + slice.rows().size(), slice.next());
            if (cursors.size() > MAX_CURSORS) cursors.remove(cursors.firstKey());
        }
        return slice.rows().stream();
    }

    /** One summary query; the grid's total is read from it, then the grid fetches its first page. */
    private void refresh() {
        cursors.clear();
        showLinkFilters();
        summary = sessions.summary(query.filter());
        shown = summary.matching(query.filter().verdict(), query.filter().rootCauseKind());
        total.setText(shown + (shown == 1 ? " session" : " sessions"));
        summaryLine.show(summary, query.filter().verdict(), query.filter().rootCauseKind());
        grid.getDataProvider().refreshAll();
        showEmptyState();
        long active = query.toParameters().keySet().stream().filter(k -> !k.equals("q") && !k.equals("sort"))
                .count();
        filtersToggle.setText(active == 0 ? "Filters" : "Filters (" + active + ")");
    }

    private void showProblems(List<SessionQuery.Problem> fromFields) {
        List<SessionQuery.Problem> all = Stream.concat(linkProblems.stream(), fromFields.stream()).distinct().toList();
        problems.removeAll();
        problems.setVisible(!all.isEmpty());
        if (all.isEmpty()) return;
        problems.add(new Paragraph(all.size() == 1 ? "This filter was left out:" : "These filters were left out:"));
        for (var pr : all) {
            var line = new Div(new Span(pr.parameter()), new Span(" — " + pr.message()));
            line.addClassName("sl-problem");
            line.getElement().setAttribute("data-parameter", pr.parameter());
            problems.add(line);
        }
        if (!linkProblems.isEmpty()) linkProblems = List.of();   // shown once; a later change of filters clears it
    }

    private void showEmptyState() {
        empty.removeAll();
        empty.setVisible(shown == 0);
        grid.setVisible(shown > 0);
        if (shown > 0) return;
        if (summary.total() == 0 && sessions.count(SessionFilter.none()) == 0) {
            empty.add(new Paragraph("No sessions yet. Import MLflow trace exports to get started."),
                    new Button("Import MLflow traces", e -> getUI().ifPresent(ui -> ui.navigate("import"))));
            return;
        }
        empty.add(new Paragraph("No session matches these filters."));
        String name = query.filter().judgeName();
        if (name != null && judgeSuggestions.stream().noneMatch(s -> s.startsWith(name + "="))) {
            String seen = judgeSuggestions.stream().map(s -> s.substring(0, s.indexOf('='))).distinct()
                    .collect(Collectors.joining(", "));
            empty.add(new Paragraph("No session has a judge named “" + name + "”."
                    + (seen.isEmpty() ? "" : " Judges seen: " + seen + ".")));
        }
    }

    private void writeUrl() {
        Map<String, String> q = query.toParameters();
        String exportQuery = QueryParameters.simple(q).getQueryString();
        exportCsv.setHref("api/export/sessions?format=csv" + (exportQuery.isEmpty() ? "" : "&" + exportQuery));
        exportJson.setHref("api/export/sessions?format=json" + (exportQuery.isEmpty() ? "" : "&" + exportQuery));
        makeQueue.setHref("queues/new" + (exportQuery.isEmpty() ? "" : "?" + exportQuery));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(SessionNavigation.ROUTE, QueryParameters.simple(q))));
    }

    /** The list's URL with this verdict and kind instead of the current ones, for the summary line. */
    private String linkFor(@Nullable SessionVerdict v, @Nullable String kind) {
        var params = query.withFilter(query.filter().withVerdict(v, kind)).toParameters();
        String qs = QueryParameters.simple(params).getQueryString();
        return SessionNavigation.ROUTE + (qs.isEmpty() ? "" : "?" + qs);
    }

    private static String verdictLabel(String v) {
        if (v.isEmpty()) return "any";
        if (v.startsWith(KIND)) return "root cause: " + SummaryLine.kindLabel(v.substring(KIND.length()));
        return SessionVerdict.ofWire(v).map(SessionVerdict::label).orElse(v);
    }

    private static void put(Map<String, List<String>> p, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) p.put(key, List.of(value));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
