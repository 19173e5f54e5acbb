package io.sessionlens.trace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Http;
import io.sessionlens.trace.web.SlashIdsTest;
import org.junit.jupiter.api.Test;

/** An analyst clicks through a session whose id and trace id hold slashes, as Databricks and many apps write them. */
class SlashIdsBrowserTest extends BrowserTestBase {

    @Test
    void a_session_and_a_trace_with_slashes_in_their_ids_open_from_the_list() {
        assertThat(new Http(baseUrl()).postJson("/api/imports", SlashIdsTest.export()).status()).isEqualTo(200);

        page.navigate(baseUrl() + "/sessions?experiment=" + SlashIdsTest.EXPERIMENT);
        page.locator("#sessions-grid a",
                new com.microsoft.playwright.Page.LocatorOptions().setHasText(SlashIdsTest.SESSION_ID)).first().click();
        assertThat(page.getByText("Where is my parcel?").first()).isVisible();
        assertThat(page.getByText("It left the depot today.").first()).isVisible();

        page.locator("a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Span tree")).first().click();
        assertThat(page.locator("#trace-id")).containsText(SlashIdsTest.TRACE_ID);
        assertThat(page.getByText("chat").first()).isVisible();
        screenshot("trace-with-slash-id");

        page.navigate(page.url());   // the address bar's link works when shared
        assertThat(page.locator("#trace-id")).containsText(SlashIdsTest.TRACE_ID);
    }
}
