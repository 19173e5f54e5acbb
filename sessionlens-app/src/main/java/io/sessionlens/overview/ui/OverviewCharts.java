package io.sessionlens.overview.ui;

import io.sessionlens.overview.DayFigures;
import io.sessionlens.overview.Figures;
import io.sessionlens.trace.json.SharedJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The overview's ECharts options, built with Jackson. Tooltips render as chart text, never HTML (judge names come from
 * traces). Series names and category orders are what {@link OverviewView} maps a click back to.
 */
final class OverviewCharts {
    static final String SESSIONS = "Sessions";
    static final String FAILING = "With a root cause";
    static final String MEDIAN = "Median turn latency (ms)";
    static final String P95 = "p95 turn latency (ms)";
    static final String TOKENS = "Tokens";
    static final String FAILURE_RATE = "Failing (%)";
    static final String AT_TURN = "Sessions";
    private static final String RED = "#d6333a";
    private static final String GREY = "#8a94a3";
    private static final List<String> KIND_COLORS = List.of("#d6333a", "#d49a00", "#7b5cd6", "#1f8fd6", "#2e9e5b",
            "#c2410c", "#6b7280");

    private OverviewCharts() {}

    private static ObjectNode base(boolean legend) {
        ObjectNode o = SharedJson.MAPPER.createObjectNode();
        o.put("animation", false);
        o.putObject("grid").put("left", 8).put("right", 16).put("top", legend ? 36 : 16).put("bottom", 8)
                .put("containLabel", true);
        o.putObject("tooltip").put("renderMode", "richText").put("trigger", "axis");
        if (legend) o.putObject("legend").put("top", 0).put("type", "scroll");
        return o;
    }

    private static void days(ObjectNode o, List<DayFigures> days) {
        ObjectNode x = o.putObject("xAxis");
        x.put("type", "category");
        ArrayNode cats = x.putArray("data");
        days.forEach(d -> cats.add(d.day().toString().substring(5)));   // MM-DD: the period says the year
    }

    /** Sessions per day (line) and those with a root cause (red bars). */
    static ObjectNode failing(List<DayFigures> days) {
        ObjectNode o = base(true);
        days(o, days);
        o.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode series = o.putArray("series");
        ObjectNode all = series.addObject().put("name", SESSIONS).put("type", "bar").put("barGap", "-100%");
        all.putObject("itemStyle").put("color", GREY).put("opacity", 0.35);
        ArrayNode a = all.putArray("data");
        ObjectNode failing = series.addObject().put("name", FAILING).put("type", "bar");
        failing.putObject("itemStyle").put("color", RED);
        ArrayNode f = failing.putArray("data");
        for (DayFigures d : days) {
            a.add(d.sessions());
            f.add(d.withRootCause());
        }
        return o;
    }

    /** Root causes per day, stacked by kind (kinds in {@code kinds} order). */
    static ObjectNode kinds(List<DayFigures> days, List<String> kinds) {
        ObjectNode o = base(true);
        days(o, days);
        o.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode series = o.putArray("series");
        for (int i = 0; i < kinds.size(); i++) {
            String k = kinds.get(i);
            ObjectNode s = series.addObject().put("name", kindLabel(k)).put("type", "bar").put("stack", "kinds");
            s.putObject("itemStyle").put("color", KIND_COLORS.get(i % KIND_COLORS.size()));
            ArrayNode data = s.putArray("data");
            for (DayFigures d : days) data.add(d.byKind().getOrDefault(k, 0L));
        }
        return o;
    }

    /** Sessions by the turn their root cause is at, turns 1 … the last one seen. */
    static ObjectNode turns(Map<Integer, Long> byTurn, int lastTurn) {
        ObjectNode o = base(false);
        o.putObject("tooltip").put("renderMode", "richText").put("trigger", "item");
        ObjectNode x = o.putObject("xAxis");
        x.put("type", "category").put("name", "turn").put("nameLocation", "middle").put("nameGap", 26);
        ArrayNode cats = x.putArray("data");
        o.putObject("yAxis").put("type", "value").put("minInterval", 1);
        ((ObjectNode) o.get("grid")).put("bottom", 24);
        ObjectNode s = o.putArray("series").addObject().put("name", AT_TURN).put("type", "bar");
        s.putObject("itemStyle").put("color", RED);
        ArrayNode data = s.putArray("data");
        for (int t = 1; t <= lastTurn; t++) {
            cats.add(String.valueOf(t));
            data.add(byTurn.getOrDefault(t, 0L));
        }
        return o;
    }

    /** Each session-level judge's share of failed sessions among those it judged, in % (judges in given order). */
    static ObjectNode judges(List<String> names, Map<String, Figures.JudgeFigures> judges) {
        ObjectNode o = base(false);
        o.putObject("tooltip").put("renderMode", "richText").put("trigger", "item");
        ObjectNode y = o.putObject("yAxis");
        y.put("type", "category").put("inverse", true);
        y.putObject("axisLabel").put("width", 140).put("overflow", "truncate");
        ArrayNode cats = y.putArray("data");
        o.putObject("xAxis").put("type", "value").put("max", 100).putObject("axisLabel").put("formatter", "{value} %");
        ObjectNode s = o.putArray("series").addObject().put("name", FAILURE_RATE).put("type", "bar");
        s.putObject("itemStyle").put("color", RED);
        s.putObject("label").put("show", true).put("position", "right").put("formatter", "{c} %");
        ArrayNode data = s.putArray("data");
        for (String n : names) {
            cats.add(n);
            Double r = judges.get(n).failureRate();
            data.add(r == null ? 0 : Math.round(r * 1000) / 10.0);
        }
        return o;
    }

    /** Median and p95 turn latency per day (ms, left axis) and tokens per day (bars, right axis). */
    static ObjectNode latency(List<DayFigures> days) {
        ObjectNode o = base(true);
        ((ObjectNode) o.get("grid")).put("top", 64);   // the axis names ("ms", "tokens") below a wrapped legend
        days(o, days);
        ArrayNode y = o.putArray("yAxis");
        y.addObject().put("type", "value").put("name", "ms");
        y.addObject().put("type", "value").put("name", "tokens").putObject("splitLine").put("show", false);
        ArrayNode series = o.putArray("series");
        ObjectNode tokens = series.addObject().put("name", TOKENS).put("type", "bar").put("yAxisIndex", 1);
        tokens.putObject("itemStyle").put("color", GREY).put("opacity", 0.35);
        ObjectNode median = series.addObject().put("name", MEDIAN).put("type", "line").put("connectNulls", true);
        ObjectNode p95 = series.addObject().put("name", P95).put("type", "line").put("connectNulls", true);
        ArrayNode t = tokens.putArray("data"), m = median.putArray("data"), p = p95.putArray("data");
        for (DayFigures d : days) {
            t.add(d.tokens());
            if (d.latency().medianMs() == null) m.addNull();
            else
                m.add(d.latency().medianMs());
            if (d.latency().p95Ms() == null) p.addNull();
            else
                p.add(d.latency().p95Ms());
        }
        return o;
    }

    /** A root-cause kind as people read it ("outdated document"), its wire name when it is not one we know. */
    static String kindLabel(@org.jspecify.annotations.Nullable String wire) {
        if (wire == null) return "no kind";
        try {
            return io.sessionlens.analysis.RootCauseKind.ofWire(wire).label();
        } catch (IllegalArgumentException unknown) {
            return wire;
        }
    }

    /** The root-cause kinds over the days, in a stable order (one stacked series each). */
    static List<String> kindsOf(List<DayFigures> days) {
        var kinds = new java.util.TreeSet<String>();
        days.forEach(d -> kinds.addAll(d.byKind().keySet()));
        return List.copyOf(kinds);
    }
}
