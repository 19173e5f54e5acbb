package io.sessionlens.overview.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import io.sessionlens.base.security.Role;
import io.sessionlens.importer.ImportService;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.DemoData;
import io.sessionlens.support.Http;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The quality overview in Chromium on the demo sessions: its numbers are the API's, at the widths managers use, light
 * and dark; a KPI and a chart's bar open the sessions list filtered to exactly what they count; it prints without the
 * app's chrome; an analyst does not get it.
 */
class OverviewBrowserTest extends BrowserTestBase {
    private static final String PERIOD = "from=2026-02-24&to=2026-03-16";
    private static final String PAGE = "/overview?experimentId=1&" + PERIOD;

    @Autowired ImportService imports;
    @Autowired io.sessionlens.session.index.SessionAnalysisWorker worker;

    @BeforeEach
    void demoSessions() {
        var loaded = DemoData.load(imports);
        DemoData.awaitAnalysed(new Http(baseUrl()), DemoData.experiments(loaded.corpus()));
    }

    private JsonNode api() {
        return new Http(baseUrl()).get("/api/overview?experimentId=1&" + PERIOD).json();
    }

    private void open(String path) {
        page.navigate(baseUrl() + path);
        waitForVaadin();
        for (String id : List.of("chart-failing", "chart-kinds", "chart-turns", "chart-judges", "chart-latency"))
            assertThat(page.locator("#" + id)).hasAttribute("data-rendered", "true");
    }

    private void noSidewaysScrolling() {
        Object overflow = page
                .evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ENGLISH, "%,d", n);
    }

    @ParameterizedTest
    @CsvSource({"1440,false", "1440,true", "768,false", "400,false", "400,true"})
    void the_overview_shows_the_apis_figures_at_every_width(int px, boolean dark) {
        if (dark) context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        page.setViewportSize(px, 900);
        open(PAGE);
        JsonNode o = api();
        assertThat(page.locator("#kpi-sessions .sl-kpi-value")).hasText(count(o.get("sessions").asLong()));
        assertThat(page.locator("#kpi-root-cause .sl-kpi-value")).containsText(count(o.get("withRootCause")
                .asLong()));
        assertThat(page.locator("#overview-period")).containsText("2026-02-24 – 2026-03-16 · against 2026-02-03 –"
                + " 2026-02-23");
        for (var k : o.get("byKind").properties())
            assertThat(page.locator("#kind-" + k.getKey() + " .sl-row-value")).containsText(count(k.getValue()
                    .asLong()) + " ·");
        for (var j : o.get("judges").properties())
            assertThat(page.locator(".sl-overview-judge[data-judge='" + j.getKey() + "'] .sl-row-value"))
                    .containsText(j.getValue().get("failing").asLong() + " of " + j.getValue().get("evaluated")
                            .asLong() + " failing");
        if (dark) assertThat(page.locator("#chart-failing")).hasAttribute("data-theme", "dark");
        noSidewaysScrolling();
        // the app layout scrolls inside itself: a tall window shows the whole page in the screenshot
        page.setViewportSize(px, px < 600 ? 4200 : 2600);
        assertThat(page.locator("#chart-latency")).hasAttribute("data-rendered", "true");
        screenshot("overview-" + px + (dark ? "-dark" : "-light"));
        if (px < 600)   // the whole page is too tall to read at this width: the charts on their own
            page.locator("#overview-charts").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("overview-" + px + (dark ? "-dark" : "-light") + "-charts.png")));
    }

    @Test
    void a_bar_of_the_failing_sessions_chart_opens_that_days_sessions_with_a_root_cause() {
        open(PAGE);
        JsonNode o = api();
        int best = -1;
        long most = 0;
        for (int i = 0; i < o.get("days").size(); i++) {
            long n = o.get("days").get(i).get("withRootCause").asLong();
            if (n > most) {
                most = n;
                best = i;
            }
        }
        assertThat(best).as("a day with a root cause").isNotNegative();
        String day = o.get("days").get(best).get("day").asString();
        // ECharts draws the bars as SVG: ask the chart where the middle of that bar is, then click there
        page.locator("#chart-failing").scrollIntoViewIfNeeded();
        @SuppressWarnings("unchecked") List<Number> xy = (List<Number>) page.evaluate(
                "([i, v]) => { const el = document.getElementById('chart-failing');"
                        + " const c = echarts.getInstanceByDom(el); const p = c.convertToPixel({seriesIndex: 1}, [i, v / 2]);"
                        + " const r = el.getBoundingClientRect(); return [r.left + p[0], r.top + p[1]]; }",
                List.of(best, (int) most));
        page.mouse().click(xy.get(0).doubleValue(), xy.get(1).doubleValue());
        page.waitForURL(Pattern.compile(".*/sessions\\?.*"));
        waitForVaadin();
        assertThat(page.url()).contains("experiment=1").contains("startedFrom=" + day).contains("startedTo=" + day)
                .contains("verdict=root_cause");
        assertThat(page.locator("#sessions-link-filters")).containsText("Started on " + day);
        assertThat(page.locator("#sessions-total")).hasText(most + (most == 1 ? " session" : " sessions"));
        screenshot("overview-drilldown-list");
    }

    @Test
    void a_kpi_opens_the_list_it_counts_and_the_filter_can_be_removed() {
        open(PAGE);
        long withRootCause = api().get("withRootCause").asLong();
        page.locator("#kpi-root-cause").click();
        page.waitForURL(Pattern.compile(".*/sessions\\?.*"));
        waitForVaadin();
        assertThat(page.locator("#sessions-total")).hasText(withRootCause + " sessions");
        page.locator("#sessions-link-filters [data-filter='started'] vaadin-button").click();
        waitForVaadin();
        assertThat(page.locator("#sessions-link-filters")).isHidden();
        assertThat(page.url()).doesNotContain("startedFrom");
    }

    @Test
    void the_print_view_has_the_figures_and_charts_without_the_apps_navigation() {
        open(PAGE);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".sl-overview-filters")).isHidden();
        assertThat(page.locator("#overview-print")).isHidden();
        assertThat(page.locator("vaadin-side-nav")).isHidden();
        assertThat(page.locator("#kpi-sessions")).isVisible();
        assertThat(page.locator("#chart-kinds")).isVisible();
        page.setViewportSize(1000, 3200);
        screenshot("overview-print");
    }

    @Test
    void a_preset_period_and_the_experiment_are_kept_in_the_url() {
        open("/overview?experimentId=1&period=all");
        assertThat(page.locator("#overview-period")).containsText("2026-03-0");
        page.locator("#overview-preset").click();
        page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(
                "Last 7 days")).first().click();
        waitForVaadin();
        page.waitForURL(Pattern.compile(".*period=7d.*"));
        assertThat(page.url()).contains("experimentId=1");
        String csv = page.locator("#overview-csv").getAttribute("href");
        assertThat(csv).startsWith("api/overview.csv?").contains("experimentId=1").contains("period=7d");
    }

    @Test
    void an_analyst_gets_no_overview() {
        openAs(Role.ANALYST);
        page.navigate(baseUrl() + "/sessions");
        waitForVaadin();
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Overview")))
                .hasCount(0);
        page.navigate(baseUrl() + "/overview");
        assertThat(page.locator("#error-view")).containsText("Page not found");
    }

    @Test
    void a_verdict_given_elsewhere_shows_on_an_open_overview_without_reloading() throws Exception {
        var http = new Http(baseUrl());
        assertThat(http.postJson("/api/imports", io.sessionlens.session.index.BackgroundAnalysisTest.trace(
                "exp-ov-live", "s-live", "00000000000000000000000000c0ff11")).status()).isEqualTo(200);
        assertThat(worker.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
        page.navigate(baseUrl() + "/overview?experimentId=exp-ov-live&from=2026-03-01&to=2026-03-01");
        waitForVaadin();
        assertThat(page.locator("#kpi-human .sl-kpi-value")).hasText("0");
        assertThat(page.locator("#kpi-root-cause .sl-kpi-value")).containsText("100 %");

        var put = http.as(Role.ANALYST).putJson("/api/sessions/s-live/verdict?experimentId=exp-ov-live",
                "{\"turn\":null}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(page.locator("#kpi-human .sl-kpi-value")).hasText("1");
        assertThat(page.locator("#kpi-root-cause .sl-kpi-value")).containsText("0 %");
        assertThat(page.locator("#overview-disagreements [data-session='s-live']")).containsText(
                "test-analyst: no root cause · analysis: turn 1");
    }
}
