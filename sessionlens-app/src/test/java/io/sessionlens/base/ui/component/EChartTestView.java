package io.sessionlens.base.ui.component;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Test-only page (lives in the test tree, so the app never ships it): one bar chart and what was clicked last. */
@Route("test/echart")
@PermitAll
class EChartTestView extends VerticalLayout {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    EChartTestView() {
        var chart = new EChart();
        chart.setId("test-chart");
        chart.setOption(option(new int[]{120, 80, 150}));
        var clicked = new Span("nothing clicked");
        clicked.setId("clicked");
        chart.addPointClickListener(
                p -> clicked.setText(p.seriesName() + "/" + p.dataIndex() + "/" + p.value() + "/" + p.name()));
        var update = new Button("More sales", e -> chart.setOption(option(new int[]{60, 90, 30, 200})));
        update.setId("update-chart");
        add(chart, clicked, update);
    }

    static ObjectNode option(int[] values) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("title").put("text", "Sales per day");
        o.putObject("tooltip");
        ArrayNode days = o.putObject("xAxis").put("type", "category").putArray("data");
        o.putObject("yAxis").put("type", "value");
        ArrayNode data = o.putArray("series").addObject().put("type", "bar").put("name", "Sales").putArray("data");
        String[] names = {"Mon", "Tue", "Wed", "Thu"};
        for (int i = 0; i < values.length; i++) {
            days.add(names[i]);
            data.add(values[i]);
        }
        return o;
    }
}
