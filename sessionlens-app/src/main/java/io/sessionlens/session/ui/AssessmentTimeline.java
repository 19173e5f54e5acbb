package io.sessionlens.session.ui;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.TurnDocument;
import io.sessionlens.trace.json.SharedJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ECharts option of a session's assessment timeline: turns on x, one row per per-turn judge, one point per verdict
 * coloured by polarity, the root-cause turn shaded. Tooltips render as chart text, never HTML (judge names come from
 * traces).
 */
final class AssessmentTimeline {
    private static final JsonMapper JSON = SharedJson.MAPPER;
    static final Map<Verdict, String> COLORS = Map.of(Verdict.FAIL, "#d6333a", Verdict.PASS, "#2e9e5b", Verdict.NEUTRAL,
            "#d49a00", Verdict.UNKNOWN, "#8a94a3");

    private AssessmentTimeline() {}

    /** Judge names in order of first appearance; the chart has one row per name. */
    static List<String> judges(SessionDocument doc) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (TurnDocument t : doc.turns()) for (AssessmentView a : t.assessments()) names.add(a.name());
        return new ArrayList<>(names);
    }

    static ObjectNode option(SessionDocument doc) {
        List<String> judges = judges(doc);
        ObjectNode o = JSON.createObjectNode();
        o.put("animation", false);
        o.putObject("grid").put("left", 8).put("right", 16).put("top", 28).put("bottom", 36).put("containLabel", true);
        o.putObject("tooltip").put("renderMode", "richText").put("trigger", "item");
        o.putObject("legend").put("top", 0).put("itemWidth", 10).put("itemHeight", 10);
        ObjectNode x = o.putObject("xAxis");
        // ticks at whole turns (0 … n+1 with the two ends unlabelled), so the axis reads "1 2 3", never "1.5 2.5"
        x.put("type", "value").put("min", 0).put("max", doc.turns().size() + 1).put("interval", 1).put("name", "turn")
                .put("nameLocation", "middle").put("nameGap", 22);
        x.putObject("axisLabel").put("formatter", "{value}").put("showMinLabel", false).put("showMaxLabel", false);
        x.putObject("splitLine").put("show", false);
        ObjectNode y = o.putObject("yAxis");
        y.put("type", "category").put("inverse", true);
        ArrayNode cats = y.putArray("data");
        judges.forEach(cats::add);
        y.putObject("axisLabel").put("width", 110).put("overflow", "truncate");

        ArrayNode series = o.putArray("series");
        for (Verdict v : List.of(Verdict.FAIL, Verdict.PASS, Verdict.NEUTRAL, Verdict.UNKNOWN)) {
            ObjectNode s = series.addObject();
            s.put("name", label(v)).put("type", "scatter").put("symbolSize", v == Verdict.FAIL ? 16 : 12);
            s.putObject("itemStyle").put("color", COLORS.get(v));
            ArrayNode data = s.putArray("data");
            for (TurnDocument t : doc.turns()) {
                for (AssessmentView a : t.assessments()) {
                    if (a.verdict() != v) continue;
                    ObjectNode p = data.addObject();
                    p.put("name", a.name() + " = " + JudgeLine.valueText(a.value()) + " (turn " + t.index() + ")");
                    p.putArray("value").add(t.index()).add(judges.indexOf(a.name()));
                }
            }
            Integer cause = TurnMarks.of(doc).rootCause();   // the reviewer's turn where there is one
            if (v == Verdict.FAIL && cause != null) {
                ObjectNode area = s.putObject("markArea");
                area.put("silent", true);
                area.putObject("itemStyle").put("color", "rgba(214,51,58,0.12)");
                ArrayNode pair = area.putArray("data").addArray();
                pair.addObject().put("xAxis", cause - 0.45).put("name", "root cause");
                pair.addObject().put("xAxis", cause + 0.45);
            }
        }
        return o;
    }

    static String label(Verdict v) {
        return switch (v) {
            case FAIL -> "fail";
            case PASS -> "pass";
            case NEUTRAL -> "neutral";
            case UNKNOWN -> "unrated";
        };
    }

    /** Pixel height that gives each judge row room to read. */
    static int height(SessionDocument doc) {
        return 82 + 26 * Math.max(1, judges(doc).size());
    }
}
