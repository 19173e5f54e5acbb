package io.sessionlens.base.ui.component;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.shared.ui.LoadMode;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Apache ECharts chart (svg renderer) that needs no frontend build: echarts.min.js comes from the webjar and the
 * {@code <sl-echart>} element is a plain static script (see docs/decisions/001-echarts-instead-of-vaadin-charts.md).
 * The chart follows the Lumo light/dark switch, re-renders on resize and sets {@code data-rendered="true"} once
 * ECharts has finished drawing.
 */
@Tag("sl-echart")
public class EChart extends Component implements HasSize {
    static final String ECHARTS_JS = "context://webjars/echarts/5.3.1/dist/echarts.min.js";
    static final String ELEMENT_JS = "context://scripts/sl-echart.js";
    private static final String CLICK_EVENT = "sl-chart-click";
    private static final String DETAIL = "event.detail";

    /**
     * A click on a data item.
     *
     * @param value the item's value as ECharts reports it: a number, an array for multi-dimensional data, or null
     */
    public record PointClick(String seriesName, int dataIndex, @Nullable JsonNode value, String name) {}

    public EChart() {
        setWidth("100%");
        setHeight("320px");
    }

    /** Replaces the whole chart; build the option with Jackson (it is copied, so later changes are not sent). */
    public void setOption(ObjectNode option) {
        getElement().setPropertyJson("option", option.deepCopy());
    }

    public Registration addPointClickListener(Consumer<PointClick> listener) {
        return getElement().addEventListener(CLICK_EVENT, e -> listener.accept(toClick(e.getEventData().path(DETAIL))))
                .addEventData(DETAIL);
    }

    static PointClick toClick(JsonNode d) {
        JsonNode value = d.path("value");
        return new PointClick(d.path("seriesName").asString(""), d.path("dataIndex").asInt(-1),
                value.isMissingNode() || value.isNull() ? null : value, d.path("name").asString(""));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Page page = attachEvent.getUI().getPage();
        // LAZY: the 1 MB echarts.min.js must not hold back the first paint of the page (Flow loads eager scripts
        // before it applies the page's first changes). The element script waits for `echarts` and upgrades late.
        page.addJavaScript(ECHARTS_JS, LoadMode.LAZY);
        page.addJavaScript(ELEMENT_JS, LoadMode.LAZY);
    }
}
