package io.sessionlens.session.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Deleting a session from its page, and naming an experiment, in real Chromium. */
class SessionCleanupBrowserTest extends BrowserTestBase {

    static String line(String exp, String session, String time) {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return Fixtures.trace("tr-" + HexFormat.of().formatHex(b), exp, session, time, "ana", "question " + time,
                "answer", "").replace("\n", " ") + "\n";
    }

    private void waitForPage(Page p) {
        p.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 768, 1440})
    void a_deleted_session_is_gone_from_the_list(int width) {
        var http = new Http(baseUrl());
        String exp = "exp-del-session-" + width + "-" + UUID.randomUUID().toString().substring(0, 8);
        http.postJson("/api/imports", line(exp, "s-gone", "2025-11-10T10:00:00Z")
                + line(exp, "s-gone", "2025-11-10T10:01:00Z") + line(exp, "s-kept", "2025-11-10T11:00:00Z"));
        if (width == 400) context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        page.setViewportSize(width, 900);
        page.navigate(baseUrl() + "/sessions/" + exp + "/s-gone");
        waitForVaadin();
        page.locator("#delete-session").click();
        assertThat(page.getByText("Session s-gone of experiment " + exp + ": 2 turns")).isVisible();
        page.waitForTimeout(600);   // the dialog's opening animation
        screenshotsLightAndDark("session-delete-confirm-" + width);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete session").setExact(true))
                .last().click();
        page.waitForURL("**/sessions");
        waitForVaadin();

        page.navigate(baseUrl() + "/sessions?experiment=" + exp);
        waitForVaadin();
        assertThat(page.locator("#sessions-total")).hasText("1 session");
        Locator grid = page.locator("#sessions-grid");
        assertThat(grid.locator("a", new Locator.LocatorOptions().setHasText("s-kept")).first()).isVisible();
        assertThat(grid.locator("a", new Locator.LocatorOptions().setHasText("s-gone"))).hasCount(0);
        assertThat(http.get("/api/sessions/s-gone?experimentId=" + exp).status()).isEqualTo(404);
    }

    @Test
    void an_experiment_named_on_the_session_page_shows_its_name_with_the_id_and_in_the_filter() {
        var http = new Http(baseUrl());
        String exp = "336348657318" + ThreadLocalRandom.current().nextInt(1000, 9999);
        http.postJson("/api/imports", line(exp, "s-named", "2025-11-11T10:00:00Z"));
        page.navigate(baseUrl() + "/sessions/" + exp + "/s-named");
        waitForVaadin();
        assertThat(page.locator("#experiment-tag")).containsText(exp);
        page.locator("#rename-experiment").click();
        page.locator("#experiment-name-field input").fill("Bank support bot");
        page.locator("#save-experiment-name").click();
        waitForVaadin();
        assertThat(page.locator("#experiment-tag .sl-experiment-name")).hasText("Bank support bot");
        assertThat(page.locator("#experiment-tag .sl-experiment-id")).containsText(exp);
        page.waitForTimeout(600);   // the dialog's closing animation
        screenshot("session-experiment-named");

        JsonNode experiments = http.get("/api/experiments").json();
        boolean listed = false;
        for (JsonNode e : experiments)
            if (e.get("experimentId").asString().equals(exp))
                listed = "Bank support bot".equals(e.get("name").asString());
        assertThat(listed).as("the API lists the name").isTrue();

        page.navigate(baseUrl() + "/sessions?experiment=" + exp);
        waitForVaadin();
        assertThat(page.locator("#filter-experiment input")).hasValue("Bank support bot (" + exp + ")");

        // a blank name shows the id again
        assertThat(http.putJson("/api/experiments/" + exp + "/name", "{\"name\": \"  \"}").status()).isEqualTo(200);
        page.navigate(baseUrl() + "/sessions/" + exp + "/s-named");
        waitForPage(page);
        assertThat(page.locator("#experiment-tag .sl-experiment-name")).hasText(exp);
    }

    /** The same view in both themes, to be looked at. */
    private void screenshotsLightAndDark(String name) {
        page.evaluate("() => document.documentElement.removeAttribute('theme')");
        screenshot(name + "-light");
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        screenshot(name + "-dark");
    }
}
