package io.sessionlens.base.ui.component;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EChartTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_click_detail_from_the_browser_becomes_a_point_click() {
        var click = EChart.toClick(
                JSON.readTree("{\"seriesName\":\"Sales\",\"dataIndex\":2,\"value\":[3,150],\"name\":\"Wed\"}"));

        assertThat(click.seriesName()).isEqualTo("Sales");
        assertThat(click.dataIndex()).isEqualTo(2);
        assertThat(click.value()).isNotNull();
        assertThat(click.value().get(1).asInt()).isEqualTo(150);
        assertThat(click.name()).isEqualTo("Wed");
    }

    @Test
    void a_click_outside_a_data_item_has_no_value_and_index_minus_one() {
        var click = EChart.toClick(JSON.readTree("{\"seriesName\":null,\"value\":null}"));
        assertThat(click.value()).isNull();
        assertThat(click.dataIndex()).isEqualTo(-1);
        assertThat(click.seriesName()).isEmpty();
    }

    @Test
    void the_option_is_sent_as_a_copy() {
        var chart = new EChart();
        var option = JSON.createObjectNode().put("animation", false);
        chart.setOption(option);
        option.put("animation", true);

        assertThat(chart.getElement().getPropertyRaw("option").toString()).contains("\"animation\":false");
    }
}
