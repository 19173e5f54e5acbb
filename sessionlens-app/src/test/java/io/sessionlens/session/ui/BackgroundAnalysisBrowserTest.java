package io.sessionlens.session.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** After a big import the list is there at once; the analysis fills in the rows while the analyst watches. */
class BackgroundAnalysisBrowserTest extends BrowserTestBase {
    @Autowired SessionAnalysisWorker worker;

    @AfterEach
    void workerRuns() {
        if (!worker.isRunning()) worker.start();
    }

    @Test
    void the_sessions_list_says_what_is_still_being_analysed_and_fills_in_without_a_reload() {
        worker.stop();
        var http = new Http(baseUrl());
        assertThat(http.postJson("/api/imports",
                io.sessionlens.session.index.BackgroundAnalysisTest.trace("exp-bg-ui", "s-bg-ui",
                        "00000000000000000000000000bb00a1"))
                .status())
                .isEqualTo(200);

        page.navigate(baseUrl() + "/sessions?experiment=exp-bg-ui");
        Locator row = page.locator("#sessions-grid vaadin-grid-cell-content");
        assertThat(row.filter(new Locator.FilterOptions().setHasText("s-bg-ui")).first()).isVisible();
        assertThat(page.locator("#sessions-analysing")).containsText("analysing 1 session");
        assertThat(row.filter(new Locator.FilterOptions().setHasText("analysing…")).first()).isVisible();
        screenshot("sessions-analysing");

        worker.start();   // the background analysis gets to it; the open page polls and shows the result
        assertThat(row.filter(new Locator.FilterOptions().setHasText("⚑ turn 1")).first())
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(page.locator("#sessions-analysing")).hasText("");
        assertThat(row.filter(new Locator.FilterOptions().setHasText("Which plan fits a family of four?")).first())
                .isVisible();
        screenshot("sessions-analysed");
    }
}
