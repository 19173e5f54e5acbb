package io.sessionlens.base.ui.component;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.sessionlens.support.BrowserTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class EChartBrowserTest extends BrowserTestBase {

    private Locator openChart() {
        page.navigate(baseUrl() + "/test/echart");
        Locator chart = page.locator("#test-chart");
        page.waitForSelector("#test-chart[data-rendered=true]");
        return chart;
    }

    @Test
    void the_chart_renders_as_svg_and_says_when_it_is_done() {
        Locator chart = openChart();

        assertThat(chart.locator("svg path").count()).isGreaterThan(3);
        assertThat(chart.locator("svg text", new Locator.LocatorOptions().setHasText("Sales per day"))).isVisible();
        screenshot("echart-light");
    }

    @Test
    void clicking_a_bar_reports_series_index_value_and_name_to_the_server() {
        openChart();
        @SuppressWarnings("unchecked") List<Number> xy = (List<Number>) page.evaluate("""
                () => { const el = document.querySelector('#test-chart');
                        const p = echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, [1, 40]);
                        const r = el.getBoundingClientRect();
                        return [r.left + p[0], r.top + p[1]]; }""");
        page.mouse().click(xy.get(0).doubleValue(), xy.get(1).doubleValue());

        assertThat(page.locator("#clicked")).hasText("Sales/1/80/Tue");
    }

    @Test
    void a_new_option_re_renders_and_the_dark_theme_is_followed() {
        Locator chart = openChart();
        page.locator("#update-chart").click();
        page.waitForFunction(
                "() => echarts.getInstanceByDom(document.querySelector('#test-chart')).getOption().xAxis[0].data.length === 4");
        page.waitForSelector("#test-chart[data-rendered=true]");
        assertThat(chart.locator("svg text", new Locator.LocatorOptions().setHasText("Thu"))).isVisible();

        // What MainLayout's theme switch does (its button sits under the dev-mode Copilot overlay in tests).
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        page.waitForSelector("#test-chart[data-theme=dark][data-rendered=true]");
        assertThat(chart.locator("svg text", new Locator.LocatorOptions().setHasText("Thu"))).isVisible();
        screenshot("echart-dark");
    }
}
