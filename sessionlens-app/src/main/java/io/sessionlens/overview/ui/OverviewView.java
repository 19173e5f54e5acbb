package io.sessionlens.overview.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.base.security.Roles;
import io.sessionlens.base.ui.Live;
import io.sessionlens.base.ui.TimeFormat;
import io.sessionlens.base.ui.component.EChart;
import io.sessionlens.overview.DayFigures;
import io.sessionlens.overview.Disagreement;
import io.sessionlens.overview.Figures;
import io.sessionlens.overview.Overview;
import io.sessionlens.overview.OverviewPeriod;
import io.sessionlens.overview.OverviewService;
import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionQuery;
import io.sessionlens.session.SessionSort;
import io.sessionlens.session.SessionVerdict;
import io.sessionlens.session.ui.SessionNavigation;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The manager's quality overview: KPIs of a period against the one before, charts over the days, judges against the
 * reviewers, and the disagreements to open. Every number and chart element opens the sessions list with the matching
 * filter. Filters in the URL ({@code ?experimentId=&period=7d|30d|all} or {@code &from=&to=}); printable (print CSS).
 */
@Route("overview")
@PageTitle("Quality overview · SessionLens")
@RolesAllowed(Roles.MANAGER)
@StyleSheet("context://styles/overview.css")
class OverviewView extends VerticalLayout implements BeforeEnterObserver {
    static final String ALL = "";
    private static final String CUSTOM = "custom";
    private static final Map<String, String> PERIODS = new LinkedHashMap<>();
    static {
        PERIODS.put("7d", "Last 7 days");
        PERIODS.put("30d", "Last 30 days");
        PERIODS.put("all", "All time");
        PERIODS.put(CUSTOM, "From … to …");
    }

    private final OverviewService service;
    private final ComboBox<String> experiment = new ComboBox<>("Experiment");
    private final Select<String> period = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Anchor csv = new Anchor("", "CSV");
    private final Div problems = new Div();
    private final Div periodLine = new Div();
    private final Div body = new Div();
    private Map<String, String> experiments = Map.of();
    private boolean loading;
    private OverviewPeriod current = OverviewPeriod.preset(null, OverviewPeriod.Preset.LAST_30_DAYS);
    private @Nullable Overview shown;

    OverviewView(OverviewService service, LiveUpdates live) {
        this.service = service;
        // an import, an analysis or a verdict changed some day's figures: read them again while the page is open
        Live.onChange(this, live, OverviewService.LIVE_TOPIC, () -> show(current));
        addClassName("sl-page");
        addClassName("sl-overview");
        setId("overview");

        var title = new H2("Quality overview");
        var print = new Button("Print", VaadinIcon.PRINT.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("overview-print");
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        csv.setId("overview-csv");
        csv.getElement().setAttribute("download", true);
        csv.setRouterIgnore(true);
        var head = new Div(title, periodLine, new Div(csv, print));
        head.addClassName("sl-overview-head");
        periodLine.setId("overview-period");
        periodLine.addClassName("sl-overview-period");

        experiment.setId("overview-experiment");
        experiment.setClearButtonVisible(true);
        experiment.setPlaceholder("All experiments");
        period.setId("overview-preset");
        period.setLabel("Period");
        period.setItems(PERIODS.keySet());
        period.setItemLabelGenerator(PERIODS::get);
        from.setId("overview-from");
        to.setId("overview-to");
        experiment.addValueChangeListener(e -> fieldsChanged());
        period.addValueChangeListener(e -> fieldsChanged());
        from.addValueChangeListener(e -> fieldsChanged());
        to.addValueChangeListener(e -> fieldsChanged());
        var filters = new Div(experiment, period, from, to);
        filters.addClassName("sl-overview-filters");

        problems.setId("overview-problems");
        problems.addClassName("sl-problems");
        problems.setVisible(false);
        body.setId("overview-body");
        body.addClassName("sl-overview-body");
        add(head, filters, problems, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var q = event.getLocation().getQueryParameters();
        var parsed = OverviewPeriod.parse(single(q, "experimentId").orElse(single(q, "experiment").orElse(null)),
                single(q, "period").orElse(null), single(q, "from").orElse(null), single(q, "to").orElse(null));
        showProblems(parsed.problems());
        experiments = service.experiments();
        loading = true;
        experiment.setItems(experiments.keySet());
        experiment.setItemLabelGenerator(id -> experiments.getOrDefault(id, id));
        OverviewPeriod p = parsed.period();
        experiment.setValue(p.experimentId());
        period.setValue(p.preset() != null ? p.preset().wire() : CUSTOM);
        from.setValue(p.from());
        to.setValue(p.to());
        loading = false;
        show(p);
    }

    private static java.util.Optional<String> single(QueryParameters q, String key) {
        return q.getSingleParameter(key).filter(v -> !v.isBlank());
    }

    private void fieldsChanged() {
        if (loading) return;
        String preset = period.getValue();
        var parsed = OverviewPeriod.parse(experiment.getValue(), CUSTOM.equals(preset) ? null : preset,
                CUSTOM.equals(preset) && from.getValue() != null ? from.getValue().toString() : null,
                CUSTOM.equals(preset) && to.getValue() != null ? to.getValue().toString() : null);
        showProblems(parsed.problems());
        show(parsed.period());
    }

    private void show(OverviewPeriod p) {
        current = p;
        boolean custom = p.preset() == null;
        from.setVisible(custom);
        to.setVisible(custom);
        Overview o = service.overview(p);
        shown = o;
        if (custom && !loading) {   // the range the overview resolved (an open end filled in)
            loading = true;
            from.setValue(o.current().from());
            to.setValue(o.current().to());
            loading = false;
        }
        Map<String, String> params = parameters(p);
        csv.setHref("api/overview.csv" + query(params));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("overview", QueryParameters.simple(params))));
        render(o);
    }

    private static Map<String, String> parameters(OverviewPeriod p) {
        Map<String, String> q = new LinkedHashMap<>();
        if (p.experimentId() != null) q.put("experimentId", p.experimentId());
        if (p.preset() != null) q.put("period", p.preset().wire());
        if (p.from() != null) q.put("from", p.from().toString());
        if (p.to() != null) q.put("to", p.to().toString());
        return q;
    }

    private static String query(Map<String, String> params) {
        String s = QueryParameters.simple(params).getQueryString();
        return s.isEmpty() ? "" : "?" + s;
    }

    private void showProblems(List<String> list) {
        problems.removeAll();
        problems.setVisible(!list.isEmpty());
        if (list.isEmpty()) return;
        problems.add(new Paragraph(list.size() == 1 ? "This filter was left out:" : "These filters were left out:"));
        list.forEach(pr -> problems.add(new Div(pr)));
    }

    // ---- the page -----------------------------------------------------------------------------------------------

    private void render(Overview o) {
        body.removeAll();
        Figures c = o.current(), p = o.previous();
        periodLine.setText((o.experimentId() == null
                ? "All experiments"
                : experiments.getOrDefault(o.experimentId(),
                        o.experimentId()))
                + " · " + range(c) + " · against " + range(p));
        if (c.sessions() == 0) {
            var empty = new Div(new Span("No session started in this period."),
                    new Span(p.sessions() > 0 ? " The period before had " + p.sessions() + "." : ""));
            empty.setId("overview-empty");
            empty.addClassName("sl-overview-empty");
            body.add(empty);
            return;
        }
        body.add(kpis(c, p), kinds(c), judges(c, p), charts(o, c), agreement(c, o.disagreements()));
    }

    private static String range(Figures f) {
        return f.from().equals(f.to()) ? f.from().toString() : f.from() + " – " + f.to();
    }

    /** The sessions list of this period (and experiment), as a drill-down's starting point. */
    private SessionFilter base() {
        Overview o = shown;
        LocalDate f = o == null ? LocalDate.now() : o.current().from();
        LocalDate t = o == null ? LocalDate.now() : o.current().to();
        return dayRange(f, t);
    }

    private SessionFilter dayRange(LocalDate f, LocalDate t) {
        return new SessionFilter(current.experimentId(), null, null, null, null, null, false, null, null, null, null)
                .withStarted(OverviewPeriod.start(f), OverviewPeriod.start(t.plusDays(1)));
    }

    private static String link(SessionFilter f) {
        return SessionNavigation.listUrl(f);
    }

    private static String link(SessionFilter f, SessionSort.Order sort) {
        return SessionNavigation.listUrl(new SessionQuery(f, List.of(sort)));
    }

    private Component kpis(Figures c, Figures p) {
        var box = section("overview-kpis", "Key figures");
        var cards = new Div();
        cards.addClassName("sl-kpis");
        SessionFilter all = base();
        cards.add(kpi("kpi-sessions", "Sessions", count(c.sessions()), delta(c.sessions(), p.sessions(), false),
                link(all)));
        cards.add(kpi("kpi-root-cause", "With a root cause", percent(c.rootCauseRate()) + " · " + count(c
                .withRootCause()), deltaRate(c.rootCauseRate(), p.rootCauseRate(), true),
                link(all.withVerdict(SessionVerdict.ROOT_CAUSE, null))));
        cards.add(kpi("kpi-error-turns", "Error turns", count(c.errorTurns()) + " in " + count(c.sessionsWithErrors())
                + " sessions", delta(c.errorTurns(), p.errorTurns(), true), link(all.withErrorsOnly(true))));
        var slowest = new SessionSort.Order(SessionSort.LATENCY, true);
        cards.add(kpi("kpi-latency-median", "Median turn latency", ms(c.latency().medianMs()), deltaMs(c.latency()
                .medianMs(), p.latency().medianMs()), link(all, slowest)));
        cards.add(kpi("kpi-latency-p95", "p95 turn latency", ms(c.latency().p95Ms()), deltaMs(c.latency().p95Ms(),
                p.latency().p95Ms()), link(all, slowest)));
        cards.add(kpi("kpi-tokens", "Tokens", count(c.tokens()), delta(c.tokens(), p.tokens(), false),
                link(all)));
        cards.add(kpi("kpi-human", "Reviewed by a person", count(c.humanVerdicts()), delta(c.humanVerdicts(),
                p.humanVerdicts(), false), link(all.withVerdictSource("human"))));
        cards.add(kpi("kpi-agreement", "Reviewers agree with the analysis", percent(c.agreement().rate()),
                deltaRate(c.agreement().rate(), p.agreement().rate(), false), link(all.withVerdictSource("human"))));
        box.add(cards);
        var note = new Paragraph("Latencies are read from fixed buckets per day, so they are approximate (within a"
                + " bucket's width). A session counts on the day of its first turn.");
        note.addClassName("sl-overview-note");
        box.add(note);
        return box;
    }

    private static Anchor kpi(String id, String label, String value, Span delta, String href) {
        var v = new Span(value);
        v.addClassName("sl-kpi-value");
        var l = new Span(label);
        l.addClassName("sl-kpi-label");
        var a = new Anchor(href, "");
        a.add(l, v, delta);
        a.setId(id);
        a.addClassName("sl-kpi");
        return a;
    }

    private static Span delta(long now, long before, boolean higherIsWorse) {
        if (before == 0) return deltaSpan(now == 0 ? "no change" : "none before", 0, higherIsWorse);
        double change = (now - before) * 100.0 / before;
        String text = (change >= 0 ? "+" : "−") + Math.round(Math.abs(change)) + " % vs " + count(before);
        return deltaSpan(text, Math.signum(change), higherIsWorse);
    }

    private static Span deltaRate(@Nullable Double now, @Nullable Double before, boolean higherIsWorse) {
        if (now == null || before == null) return deltaSpan(before == null ? "none before" : "—", 0, higherIsWorse);
        double pts = (now - before) * 100;
        String text = (pts >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f", Math.abs(pts)) + " pts vs "
                + percent(before);
        return deltaSpan(text, Math.abs(pts) < 0.05 ? 0 : Math.signum(pts), higherIsWorse);
    }

    private static Span deltaMs(@Nullable Long now, @Nullable Long before) {
        if (now == null || before == null || before == 0) return deltaSpan("none before", 0, true);
        long pct = Math.round((now - before) * 100.0 / before);
        if (pct == 0) return deltaSpan("no change vs " + ms(before), 0, true);
        return deltaSpan((pct > 0 ? "+" : "−") + Math.abs(pct) + " % vs " + ms(before), Math.signum(pct), true);
    }

    private static Span deltaSpan(String text, double direction, boolean higherIsWorse) {
        var s = new Span(text);
        s.addClassName("sl-kpi-delta");
        if (direction != 0) s.addClassName((direction > 0) == higherIsWorse ? "sl-worse" : "sl-better");
        return s;
    }

    private Component kinds(Figures c) {
        var box = section("overview-kinds", "Root causes by kind");
        var list = new Div();
        list.addClassName("sl-overview-list");
        c.byKind()
                .forEach((kind,
                        n) -> list.add(row("kind-" + kind, OverviewCharts.kindLabel(kind),
                                count(n) + " · " + percent(rate(n,
                                        c.sessions())) + " of sessions",
                                link(base().withVerdict(SessionVerdict.ROOT_CAUSE, kind)))));
        if (c.byKind().isEmpty()) list.add(new Span("No root cause in this period."));
        box.add(list);
        return box;
    }

    private Component judges(Figures c, Figures p) {
        var box = section("overview-judges", "Session-level judges");
        var list = new Div();
        list.addClassName("sl-overview-list");
        c.judges().forEach((name, j) -> {
            var before = p.judges().get(name);
            String prev = before == null || before.failureRate() == null
                    ? ""
                    : " (before: " + percent(before
                            .failureRate()) + ")";
            var r = row(null, name, count(j.failing()) + " of " + count(j.evaluated()) + " failing · " + percent(j
                    .failureRate()) + prev, link(base().withFailingJudge(name)));
            r.getElement().setAttribute("data-judge", name);
            r.addClassName("sl-overview-judge");
            list.add(r);
        });
        if (c.judges().isEmpty()) list.add(new Span("No session-level judge evaluated these sessions."));
        box.add(list);
        return box;
    }

    private static Anchor row(@Nullable String id, String name, String value, String href) {
        var n = new Span(name);   // a judge's name comes from a trace: text, never HTML
        n.addClassName("sl-row-name");
        var v = new Span(value);
        v.addClassName("sl-row-value");
        var a = new Anchor(href, "");
        a.add(n, v);
        a.addClassName("sl-overview-row");
        if (id != null) a.setId(id);
        return a;
    }

    private Component charts(Overview o, Figures c) {
        var box = section("overview-charts", "Over time");
        var grid = new Div();
        grid.addClassName("sl-charts");
        List<DayFigures> days = o.days();

        EChart failing = chart("chart-failing", OverviewCharts.failing(days));
        failing.addPointClickListener(e -> dayClicked(days, e.dataIndex(), e.seriesName().equals(
                OverviewCharts.FAILING) ? f -> f.withVerdict(SessionVerdict.ROOT_CAUSE, null) : f -> f));
        grid.add(figure("Sessions and sessions with a root cause, per day", failing));

        List<String> kinds = OverviewCharts.kindsOf(days);
        EChart byKind = chart("chart-kinds", OverviewCharts.kinds(days, kinds));
        byKind.addPointClickListener(e -> dayClicked(days, e.dataIndex(), f -> f.withVerdict(SessionVerdict.ROOT_CAUSE,
                kinds.stream().filter(k -> OverviewCharts.kindLabel(k).equals(e.seriesName())).findFirst()
                        .orElse(e.seriesName()))));
        grid.add(figure("Root causes by kind, per day", byKind));

        int lastTurn = c.rootCauseTurns().keySet().stream().mapToInt(Integer::intValue).max().orElse(1);
        EChart turns = chart("chart-turns", OverviewCharts.turns(c.rootCauseTurns(), lastTurn));
        turns.addPointClickListener(e -> go(link(base().withRootCauseTurn(e.dataIndex() + 1))));
        grid.add(figure("The turn where sessions go wrong", turns));

        List<String> judgeNames = new ArrayList<>(c.judges().keySet());
        EChart judges = chart("chart-judges", OverviewCharts.judges(judgeNames, c.judges()));
        judges.setHeight(Math.max(160, 60 + 28 * judgeNames.size()) + "px");
        judges.addPointClickListener(e -> {
            if (e.dataIndex() >= 0 && e.dataIndex() < judgeNames.size())
                go(link(base().withFailingJudge(judgeNames.get(e.dataIndex()))));
        });
        grid.add(figure("Judges' failure rates", judges));

        EChart latency = chart("chart-latency", OverviewCharts.latency(days));
        latency.addPointClickListener(e -> {
            if (e.dataIndex() < 0 || e.dataIndex() >= days.size()) return;
            LocalDate d = days.get(e.dataIndex()).day();
            go(link(dayRange(d, d), new SessionSort.Order(SessionSort.LATENCY, true)));
        });
        grid.add(figure("Turn latency and tokens, per day", latency));
        box.add(grid);
        return box;
    }

    private void dayClicked(List<DayFigures> days, int index,
            java.util.function.UnaryOperator<SessionFilter> narrow) {
        if (index < 0 || index >= days.size()) return;
        LocalDate d = days.get(index).day();
        go(link(narrow.apply(dayRange(d, d))));
    }

    /** A router navigation to a list URL (path and query string): no page load. */
    private void go(String url) {
        int q = url.indexOf('?');
        getUI().ifPresent(ui -> ui.navigate(q < 0 ? url : url.substring(0, q),
                q < 0 ? QueryParameters.empty() : QueryParameters.fromString(url.substring(q + 1))));
    }

    private static EChart chart(String id, tools.jackson.databind.node.ObjectNode option) {
        var chart = new EChart();
        chart.setId(id);
        chart.setHeight("280px");
        chart.setOption(option);
        return chart;
    }

    private static Div figure(String caption, EChart chart) {
        var h = new H3(caption);
        var f = new Div(h, chart);
        f.addClassName("sl-chart");
        return f;
    }

    private Component agreement(Figures c, List<Disagreement> disagreements) {
        var box = section("overview-agreement", "Judges and analysis against the reviewers");
        var a = c.agreement();
        SessionFilter reviewed = base().withVerdictSource("human");
        box.add(new Paragraph(a.reviewed() == 0
                ? "No reviewer gave a verdict on these sessions yet."
                : "Reviewers agreed with the automatic root cause (same turn and kind, or both none) on "
                        + count(a.agreeing()) + " of " + count(a.reviewed()) + " sessions (" + percent(a.rate())
                        + "); on the turn alone, " + count(a.turnAgreeing()) + " (" + percent(a.turnRate()) + ")."));
        if (a.reviewed() > 0) {
            var kinds = new Div();
            kinds.addClassName("sl-overview-list");
            kinds.setId("agreement-kinds");
            a.byKind().forEach((kind, k) -> kinds.add(row(null, "automatic: " + (kind.equals("none")
                    ? "no root cause"
                    : OverviewCharts.kindLabel(kind)),
                    count(k.agreeing()) + " of " + count(k.reviewed()) + " agreed · " + percent(k.rate()),
                    link(reviewed))));
            box.add(new H3("By the automatic verdict's kind"), kinds);
            var judges = new Div();
            judges.addClassName("sl-overview-list");
            judges.setId("agreement-judges");
            c.judges().forEach((name, j) -> {
                if (j.reviewed() == 0) return;
                judges.add(row(null, name, count(j.disagreeing()) + " of " + count(j.reviewed())
                        + " reviewed disagree · " + percent(j.agreementRate()) + " agree",
                        link(reviewed.withFailingJudge(name))));
            });
            if (judges.getComponentCount() > 0) {
                var note = new Paragraph("A reviewer disagrees with a judge when the judge failed the session and the"
                        + " reviewer found no root cause, or the judge passed it and the reviewer named one.");
                note.addClassName("sl-overview-note");
                box.add(new H3("By session-level judge"), note, judges);
            }
        }
        var list = new Div();
        list.setId("overview-disagreements");
        list.addClassName("sl-overview-list");
        for (Disagreement d : disagreements) {
            String human = d.turn() == null
                    ? "no root cause"
                    : "turn " + d.turn() + " (" + OverviewCharts.kindLabel(d.kind()) + ")";
            String auto = d.autoTurn() == null
                    ? "no root cause"
                    : "turn " + d.autoTurn() + " (" + OverviewCharts.kindLabel(d.autoKind()) + ")";
            String what = (d.rootCauseDiffers()
                    ? d.reviewer() + ": " + human + " · analysis: " + auto
                    : d.reviewer()
                            + ": " + human)
                    + (d.judges().isEmpty()
                            ? ""
                            : " · judges disagreeing: " + String.join(", ",
                                    d.judges()));
            var r = row(null, d.sessionId(), what + " · " + TimeFormat.of(d.decidedAt()), SessionNavigation.sessionUrl(
                    d.experimentId(), d.sessionId()));
            r.getElement().setAttribute("data-session", d.sessionId());
            list.add(r);
        }
        if (!disagreements.isEmpty()) box.add(new H3("Disagreements, newest first"), list);
        return box;
    }

    private static Div section(String id, String title) {
        var d = new Div(new H3(title));
        d.setId(id);
        d.addClassName("sl-overview-section");
        return d;
    }

    private static @Nullable Double rate(long part, long whole) {
        return whole == 0 ? null : part / (double) whole;
    }

    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }

    static String percent(@Nullable Double r) {
        if (r == null) return "—";
        double pct = r * 100;
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.format(Locale.ROOT, "%.1f", pct)) + " %";
    }

    static String ms(@Nullable Long ms) {
        if (ms == null) return "—";
        return ms < 1000 ? "~" + ms + " ms" : "~" + String.format(Locale.ROOT, "%.1f", ms / 1000.0) + " s";
    }
}
