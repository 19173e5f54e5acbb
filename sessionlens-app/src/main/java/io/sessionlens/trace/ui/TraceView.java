package io.sessionlens.trace.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.base.ui.DurationFormat;
import io.sessionlens.base.ui.EvidencePins;
import io.sessionlens.base.ui.RouteIds;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.trace.ExperimentNames;
import io.sessionlens.trace.SpanRow;
import io.sessionlens.trace.SpanTreeService;
import io.sessionlens.trace.TraceHeader;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.SpanStatus;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One turn of a session: the trace's span tree, read lazily a level and a page at a time (a 50,000-span trace opens
 * as fast as a small one), with a waterfall of when each span ran, error spans marked, and the selected span's details.
 * {@code ?span=ID} opens the tree down to that span and selects it.
 */
@Route(TraceNavigation.ROUTE + "/:traceId*")   // the rest of the path: ids may hold slashes
@StyleSheet("context://styles/trace-view.css")
@PermitAll
class TraceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    /** "Expand path to errors" opens at most this many error paths: beyond that the tree is no longer readable. */
    static final int MAX_ERROR_PATHS = 200;
    private static final int ROWS_OF_CONTEXT = 12;
    /** The siblings read to label a span selected before its level is shown: the grid's own page size. */
    private static final int LABEL_PAGE = 50;
    /** Below this window width the tree stands above the details instead of beside them. */
    static final int STACKED_BELOW = 900;
    /** Below this width the type and timeline columns give their room to the span names. */
    static final int FEW_COLUMNS_BELOW = 600;
    /** From this window width on the tree has room for a column naming each span's type. */
    static final int TYPE_COLUMN_FROM = 1600;

    private static final String NAME_TEMPLATE = """
            <vaadin-grid-tree-toggle @click=${onClick} .leaf=${!model.hasChildren} .expanded=${live(model.expanded)} \
            .level=${model.level}><vaadin-icon class="span-icon ${item.typeClass}" icon=${item.icon} title=${item.type}></vaadin-icon>\
            <span class="span-name" title=${item.name}>${item.name}</span><vaadin-icon class="span-annotated" \
            icon="vaadin:edit" title="Annotated" ?hidden=${!item.annotated}></vaadin-icon></vaadin-grid-tree-toggle>""";
    private static final String STATUS_TEMPLATE = """
            <vaadin-badge theme=${item.statusTheme}>${item.status}</vaadin-badge>""";
    private static final String WATERFALL_TEMPLATE = """
            <div class="wf-track" title=${item.wfTitle}><div class="wf-bar ${item.typeClass} ${item.wfError}" \
            style="left:${item.wfLeft}%;width:${item.wfWidth}%"></div></div>""";

    private final SpanTreeService tree;
    private final ExperimentNames names;
    private final TraceNavigation.SessionLinks sessionLinks;
    private final TraceNavigation.TurnJudges turnJudges;
    private final TraceNavigation.@Nullable SpanParts spanParts;
    /** Spans of this trace that carry annotations (marked in the tree). */
    private Set<String> annotated = Set.of();
    private final Details judges = new Details();
    /** Same-named spans told apart ("Models.generate_content · gemini-2.5-pro"), filled as the provider reads rows. */
    private final Map<String, String> labels = new ConcurrentHashMap<>();
    /** While the page opens, the selection it makes is not written to the address (the address is what was asked). */
    private boolean opening;
    private final TreeGrid<SpanRow> grid = new TreeGrid<>();
    private final SpanDetails details = new SpanDetails();
    private final Div header = new Div();
    private final Button previousTurn = new Button("Previous turn", VaadinIcon.ARROW_LEFT.create());
    private final Button nextTurn = new Button("Next turn", VaadinIcon.ARROW_RIGHT.create());
    private final Button nextError = new Button("Next error", VaadinIcon.WARNING.create());
    private final Button expandErrors = new Button("Expand path to errors", VaadinIcon.SITEMAP.create());
    private final HorizontalLayout toolbar = new HorizontalLayout();
    private final EvidencePins pins;
    private final Div pinSlot = new Div();
    private final SplitLayout split = new SplitLayout();
    private final Grid.Column<SpanRow> timeline;
    private @Nullable Registration resizing;
    private @Nullable TraceHeader trace;
    private String title = "Trace · SessionLens";

    TraceView(SpanTreeService tree, TraceNavigation.SessionLinks sessionLinks, TraceNavigation.TurnJudges turnJudges,
            ExperimentNames names, ObjectProvider<TraceNavigation.SpanParts> spanParts, EvidencePins pins) {
        this.spanParts = spanParts.getIfAvailable();
        this.names = names;
        this.pins = pins;
        this.tree = tree;
        this.sessionLinks = sessionLinks;
        this.turnJudges = turnJudges;
        judges.setId("turn-judges");
        judges.addClassName("turn-judges");
        judges.setOpened(true);
        judges.setWidthFull();
        setSizeFull();
        setSpacing(false);
        addClassName("trace-view");
        header.setId("trace-header");
        header.addClassName("trace-header");

        previousTurn.setId("previous-turn");
        nextTurn.setId("next-turn");
        nextTurn.setIconAfterText(true);
        nextError.setId("next-error");
        nextError.addThemeVariants(ButtonVariant.LUMO_ERROR);
        expandErrors.setId("expand-errors");
        for (Button b : List.of(previousTurn, nextTurn, nextError, expandErrors))
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        previousTurn.addClickListener(e -> goToTurn(trace == null ? null : trace.previousTraceId()));
        nextTurn.addClickListener(e -> goToTurn(trace == null ? null : trace.nextTraceId()));
        nextError.addClickListener(e -> jumpToNextError());
        expandErrors.addClickListener(e -> expandPathsToErrors());
        var spacer = new Div();
        pinSlot.addClassName("trace-pin");
        toolbar.add(nextError, expandErrors, pinSlot, spacer, previousTurn, nextTurn);
        toolbar.expand(spacer);
        toolbar.setWidthFull();
        toolbar.addClassName("trace-toolbar");
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);

        timeline = configureGrid();
        split.addToPrimary(grid);
        split.addToSecondary(details);
        split.setSplitterPosition(56);
        split.setSizeFull();
        split.addClassName("trace-split");
        add(header, judges, toolbar, split);
        setFlexGrow(1, split);
    }

    /** Sets up the columns; returns the timeline column, whose header names the trace's length. */
    private Grid.Column<SpanRow> configureGrid() {
        grid.setId("span-tree");
        grid.addClassName("span-tree");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setSizeFull();
        grid.addColumn(LitRenderer.<SpanRow>of(NAME_TEMPLATE)
                .withProperty("name", r -> labels.getOrDefault(r.spanId(), r.name()))
                .withProperty("icon", r -> SpanTypeIcon.of(r.spanType()).iconName())
                .withProperty("type", SpanRow::spanType)
                .withProperty("typeClass", r -> SpanTypeIcon.of(r.spanType()).cssClass())
                .withProperty("annotated", r -> annotated.contains(r.spanId()))
                .withFunction("onClick", this::toggle))
                .setHeader("Span").setKey("name").setFlexGrow(3).setResizable(true).setWidth("14em");
        grid.addColumn(SpanRow::spanType).setHeader("Type").setKey("type").setWidth("7em").setFlexGrow(0)
                .setResizable(true);
        grid.addColumn(LitRenderer.<SpanRow>of(STATUS_TEMPLATE)
                .withProperty("status", r -> r.hasError() ? "ERROR" : r.status().name())
                .withProperty("statusTheme", r -> r.hasError()
                        ? "small error"
                        : r.status() == SpanStatus.OK ? "small success" : "small"))
                .setHeader("Status").setKey("status").setWidth("5em").setFlexGrow(0);
        grid.addColumn(r -> DurationFormat.ofNanos(r.durationNs())).setHeader("Duration").setKey("duration")
                .setTextAlign(ColumnTextAlign.END).setWidth("5.5em").setFlexGrow(0);
        var timeline = grid.addColumn(LitRenderer.<SpanRow>of(WATERFALL_TEMPLATE)
                .withProperty("typeClass", r -> SpanTypeIcon.of(r.spanType()).cssClass())
                .withProperty("wfError", r -> r.hasError() ? "wf-error" : "")
                .withProperty("wfLeft", r -> percent(offsetNs(r)))
                .withProperty("wfWidth",
                        r -> Math.max(0.4, Math.min(percent(r.durationNs()), 100 - percent(offsetNs(r)))))
                .withProperty("wfTitle", r -> "starts at +" + DurationFormat.ofNanos(offsetNs(r)) + ", runs "
                        + DurationFormat.ofNanos(r.durationNs())))
                .setHeader("Timeline").setKey("waterfall").setFlexGrow(1).setWidth("6.5em");
        grid.setPartNameGenerator(r -> r.hasError() ? "error-row" : null);
        grid.asSingleSelect().addValueChangeListener(e -> showSpan(e.getValue()));
        // the arrow keys move the selection, not only the focus: the details follow the keyboard
        grid.addCellFocusListener(e -> e.getItem().ifPresent(row -> {
            if (!row.equals(grid.asSingleSelect().getValue())) grid.select(row);
        }));
        return timeline;
    }

    private void toggle(SpanRow row) {
        if (!row.hasChildren()) return;
        if (grid.isExpanded(row)) grid.collapse(row);
        else
            grid.expand(row);
    }

    private long offsetNs(SpanRow r) {
        return trace == null ? 0 : Math.max(0, r.startNs() - trace.spansStartNs());
    }

    private double percent(long nanos) {
        long total = trace == null ? 0 : trace.spansDurationNs();
        if (total <= 0) return 0;
        return Math.round(Math.min(100.0, nanos * 100.0 / total) * 100) / 100.0;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String traceId = RouteIds.decode(event.getRouteParameters().get("traceId").orElse(""));
        String spanId = event.getLocation().getQueryParameters().getSingleParameter(TraceNavigation.SPAN_PARAMETER)
                .orElse(null);
        trace = tree.header(traceId).orElse(null);
        details.showNothing();
        if (trace == null) {
            showMissing(traceId);
            return;
        }
        title = "Turn " + trace.turnNumber() + " · " + traceId + " · SessionLens";
        showHeader(trace);
        toolbar.setVisible(true);
        split.setVisible(true);
        timeline.setHeader("Timeline · " + DurationFormat.ofNanos(trace.spansDurationNs()));
        labels.clear();
        annotated = marked(trace);
        grid.setDataProvider(new SpanTreeDataProvider(tree, traceId, labels));
        showJudges(trace);
        opening = true;
        try {
            if (spanId != null && !reveal(traceId, spanId)) {
                Notification.show("This trace has no span " + spanId + " that can be reached from a root span.");
                openAtFirstLook(traceId);
            } else if (spanId == null) {
                openAtFirstLook(traceId);
            }
        } finally {
            opening = false;
        }
    }

    /**
     * Without {@code ?span}: the path to where the first failure started is opened and that span selected (its
     * exception showing); a trace without errors opens its root's children with the root selected.
     */
    private void openAtFirstLook(String traceId) {
        var origin = tree.firstErrorOrigin(traceId);
        if (origin.isPresent()) {
            details.preferEvents();
            if (reveal(traceId, origin.get())) return;
        }
        tree.children(traceId, null, 0, 1).stream().findFirst().ifPresent(root -> {
            if (root.hasChildren()) grid.expand(root);
            grid.select(root);
        });
    }

    /** The turn's judges, with their rationale, above the tree: they judge the whole turn, not one span. */
    private void showJudges(TraceHeader t) {
        judges.removeAll();
        List<TraceNavigation.TurnJudge> list = turnJudges.of(t.experimentId(), t.sessionKey(), t.traceId());
        if (list.isEmpty()) list = tree.traceAssessments(t.traceId()).stream().map(TraceView::judge).toList();
        judges.setVisible(!list.isEmpty());
        if (list.isEmpty()) return;
        long failing = list.stream().filter(j -> j.verdict().equals("fail")).count();
        judges.setSummaryText("Judges of this turn (" + list.size() + (failing > 0 ? ", " + failing + " failing" : "")
                + ")");
        // failing judges first: they are why the analyst came
        list = list.stream().sorted(Comparator.comparing(j -> !j.verdict().equals("fail"))).toList();
        for (TraceNavigation.TurnJudge j : list) {
            var chip = new Span(j.name() + ": " + j.value());
            chip.addClassName("sl-chip");
            chip.setTitle(j.verdict() + " · " + j.source());
            var why = new Span(
                    j.rationale() == null || j.rationale().isBlank() ? "(no rationale given)" : j.rationale());
            why.addClassName("sl-rationale");
            var line = new Div(chip, why);
            line.addClassNames("sl-judge", j.verdict());
            judges.add(line);
        }
    }

    /** A trace-level assessment read straight from the trace (its session not analysed): no verdict yet. */
    private static TraceNavigation.TurnJudge judge(Assessment a) {
        String value = a.valueJson() != null
                ? JsonValues.readable(a.valueJson())
                : a.serializedValue() != null ? a.serializedValue().value() : a.error() != null ? "scorer error" : "";
        return new TraceNavigation.TurnJudge(a.name(), value, a.error() != null ? "unknown" : "neutral", a.rationale(),
                a.source().type());
    }

    @Override
    public String getPageTitle() { return title; }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        Page page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(d -> fit(d.getWindowInnerWidth()));
        resizing = page.addBrowserWindowResizeListener(e -> fit(e.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resizing != null) resizing.remove();
        resizing = null;
        super.onDetach(event);
    }

    /** Narrow windows stack the tree above the details, and phones drop the type and timeline columns. */
    private void fit(int width) {
        boolean stacked = width < STACKED_BELOW;
        split.setOrientation(stacked ? SplitLayout.Orientation.VERTICAL : SplitLayout.Orientation.HORIZONTAL);
        split.setSplitterPosition(stacked ? 42 : 56);
        split.getElement().setAttribute("data-stacked", Boolean.toString(stacked));
        boolean few = width < FEW_COLUMNS_BELOW;
        judges.setOpened(!few);   // on a phone the judges would push the tree off the screen: one tap away
        // the icon says the type too (its tooltip names it); the column is for screens with room to spare
        grid.getColumnByKey("type").setVisible(width >= TYPE_COLUMN_FROM);
        timeline.setVisible(!few);
    }

    private void showMissing(String traceId) {
        title = "Trace not found · SessionLens";
        header.removeAll();
        var message = new Paragraph("No trace with id " + traceId + " has been imported.");
        message.setId("trace-missing");
        header.add(new H2("Trace not found"), message, new Anchor("sessions", "All sessions"));
        toolbar.setVisible(false);
        split.setVisible(false);
    }

    private void showHeader(TraceHeader t) {
        header.removeAll();
        var name = new H2(t.traceName() == null || t.traceName().isBlank() ? "Trace" : t.traceName());
        name.addClassName("trace-title");
        var state = TraceStateBadge.of(t.state());
        state.setId("trace-state");
        var titleRow = new Div(name, state);
        titleRow.addClassName("trace-title-row");

        var meta = new Div();
        meta.addClassName("trace-meta");
        meta.add(fact("Trace", new Span(t.traceId()), "trace-id"));
        meta.add(fact("Experiment", new Span(names.label(t.experimentId())), null));
        var session = new Anchor(sessionLinks.sessionUrl(t.experimentId(), t.sessionKey()),
                t.sessionId() == null ? "no session id" : t.sessionId());
        session.setId("session-link");
        meta.add(fact("Session", session, null));
        meta.add(fact("Turn", new Span(t.turnNumber() + " of " + t.turnCount()), "turn-position"));
        meta.add(fact("Requested", new Span(TimeFormat.of(t.requestTime())), null));
        long durationNs = t.durationMs() != null ? t.durationMs() * 1_000_000L : t.spansDurationNs();
        meta.add(fact("Duration", new Span(DurationFormat.ofNanos(durationNs)), null));
        meta.add(fact("Spans", new Span(String.format(Locale.ROOT, "%,d", t.spanCount())
                + (t.errorSpanCount() > 0 ? String.format(Locale.ROOT, " (%,d with errors)", t.errorSpanCount()) : "")),
                "span-count"));
        header.add(titleRow, meta);

        previousTurn.setEnabled(t.previousTraceId() != null);
        nextTurn.setEnabled(t.nextTraceId() != null);
        nextError.setEnabled(t.errorSpanCount() > 0);
        expandErrors.setEnabled(t.errorSpanCount() > 0);
    }

    private static Component fact(String label, Component value, @Nullable String id) {
        var l = new Span(label);
        l.addClassName("fact-label");
        var f = new Span(l, value);
        f.addClassName("fact");
        if (id != null) f.setId(id);
        return f;
    }

    private void goToTurn(@Nullable String traceId) {
        if (traceId != null) UI.getCurrent().navigate(TraceNavigation.traceUrl(traceId));
    }

    private void showSpan(@Nullable SpanRow row) {
        if (trace == null) return;
        String traceId = trace.traceId();
        showPin(trace, row);
        if (row == null) {
            details.showNothing();
            return;
        }
        boolean root = row.parentSpanId() == null || tree.parent(traceId, row).isEmpty();
        TraceHeader shown = trace;
        tree.span(traceId, row.spanId()).ifPresentOrElse(s -> {
            details.show(traceId, s, label(traceId, row), tree.assessments(traceId, row.spanId()),
                    root && judges.isVisible());
            if (spanParts != null)
                details.addToSummary(spanParts.span(shown.experimentId(), shown.sessionKey(), traceId, row.spanId(),
                        () -> annotationsChanged(row)));
        }, details::showNothing);
        // Keep the address shareable: it now points at this span.
        if (!opening)
            UI.getCurrent().getPage().getHistory().replaceState(null, TraceNavigation.traceUrl(traceId, row.spanId()));
    }

    private Set<String> marked(TraceHeader t) {
        return spanParts == null ? Set.of() : spanParts.marked(t.experimentId(), t.sessionKey(), t.traceId());
    }

    /** The span's annotations changed (here or by a teammate): its mark in the tree follows. */
    private void annotationsChanged(SpanRow row) {
        TraceHeader t = trace;
        if (t == null) return;
        annotated = marked(t);
        grid.getDataProvider().refreshItem(row);
    }

    /** "Pin span": the selected span, to an investigation (the investigation feature's button, decision 036). */
    private void showPin(TraceHeader t, @Nullable SpanRow row) {
        pinSlot.removeAll();
        if (row == null) return;
        pins.pinButton(new EvidencePins.Evidence(t.experimentId(), t.sessionKey(), t.turnNumber(), t.traceId(),
                row.spanId(), "span " + row.name() + " of turn " + t.turnNumber())).ifPresent(b -> {
                    b.setId("pin-span");
                    pinSlot.add(b);
                });
    }

    /** The row's name as the tree shows it; a span selected before the grid read its level gets its label here. */
    private String label(String traceId, SpanRow row) {
        if (!labels.containsKey(row.spanId()) && row.parentSpanId() != null) {
            List<SpanRow> siblings = tree.children(traceId, row.parentSpanId(), 0, LABEL_PAGE);
            labels.putAll(SpanLabels.of(siblings, r -> tree.span(traceId, r.spanId()).orElse(null)));
        }
        return labels.getOrDefault(row.spanId(), row.name());
    }

    /**
     * Expands the tree down to the span, scrolls to it and selects it. The path is read first: a span on a parent
     * cycle (A → B → A) has none, and asking the grid to find its parents would never end.
     */
    private boolean reveal(String traceId, String spanId) {
        List<SpanRow> path = tree.pathTo(traceId, spanId);
        if (path.isEmpty()) return false;
        SpanRow row = path.getLast();
        grid.expand(path.subList(0, path.size() - 1));
        // The grid puts the scrolled-to row at the top; start at the parent instead when the row is near it, so the
        // analyst sees where the span sits.
        boolean nearParent = path.size() > 1 && tree.siblingIndex(traceId, row) < ROWS_OF_CONTEXT;
        grid.scrollToItem(nearParent ? path.get(path.size() - 2) : row);
        grid.select(row);
        return true;
    }

    private void jumpToNextError() {
        if (trace == null) return;
        String traceId = trace.traceId();
        String from = grid.asSingleSelect().getOptionalValue().map(SpanRow::spanId).orElse(null);
        tree.nextErrorAfter(traceId, from).ifPresentOrElse(id -> {
            details.preferEvents();
            reveal(traceId, id);
        }, () -> Notification.show("No error spans in this trace."));
    }

    private void expandPathsToErrors() {
        if (trace == null) return;
        grid.expand(tree.ancestorsOfErrors(trace.traceId(), MAX_ERROR_PATHS));
        if (trace.errorSpanCount() > MAX_ERROR_PATHS) {
            Notification.show(String.format(Locale.ROOT, "Opened the paths to the first %d of %,d error spans.",
                    MAX_ERROR_PATHS, trace.errorSpanCount()));
        }
    }
}
