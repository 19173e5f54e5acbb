package io.sessionlens.session.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.session.web.VerdictApiTest;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Http;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #12, on the session page in real Chromium: an analyst confirms the automatic root cause, corrects it to "no root
 * cause" with a note (shown as text, never markup), and a colleague's change made meanwhile comes back as a conflict
 * dialog instead of being overwritten.
 */
class VerdictBrowserTest extends BrowserTestBase {
    @Autowired SessionAnalysisWorker worker;

    String open(Page p, String experiment, String session) {
        String url = baseUrl() + "/sessions/" + experiment + "/" + session;
        p.navigate(url);
        p.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
        return url;
    }

    void imported(String experiment, String session, String hex) throws Exception {
        var http = new Http(baseUrl());
        assertThat(http.postJson("/api/imports", VerdictApiTest.session(experiment, session, hex, "Yes, it is."))
                .status()).isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
    }

    static void pick(Page p, String selectId, String item) {
        p.locator("#" + selectId).click();
        p.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(item))
                .first().click();
    }

    @Test
    void an_analyst_confirms_then_corrects_the_root_cause_and_the_note_is_shown_as_text() throws Exception {
        imported("exp-verdict-ui", "s-ui-1", "0000000000000000000000a1");
        open(page, "exp-verdict-ui", "s-ui-1");
        String autoHead = page.locator("#root-cause .sl-cause-head").innerText();

        page.locator("#verdict-confirm").click();

        assertThat(page.locator("#human-verdict")).isVisible();
        assertThat(page.locator("#human-verdict")).containsText("Turn ");
        assertThat(page.locator("#human-verdict-by")).containsText("by ");
        assertThat(page.locator("#root-cause .sl-cause-head")).hasText(autoHead);   // the automatic one stays beside it
        assertThat(page.locator("#verdict-confirm")).hasCount(0);

        page.locator("#verdict-change").click();
        pick(page, "verdict-turn", VerdictEditor.NONE);
        page.locator("#verdict-note textarea").fill("<b>Not</b> a failure: the judge's price list is outdated.");
        page.locator("#verdict-save").click();

        assertThat(page.locator("#human-verdict")).hasText("No root cause");
        assertThat(page.locator("#human-verdict-note"))
                .hasText("<b>Not</b> a failure: the judge's price list is outdated.");
        assertThat(page.locator("#human-verdict-note b")).hasCount(0);
        screenshot("verdict-corrected-1440");
        var listed = new Http(baseUrl()).get("/api/sessions?experimentId=exp-verdict-ui&q=s-ui-1").json()
                .at("/items/0");
        assertThat(listed.get("rootCauseTurn").isNull()).isTrue();
        page.navigate(baseUrl() + "/?experiment=exp-verdict-ui&q=s-ui-1");
        assertThat(page.locator("vaadin-grid-cell-content .sl-reviewed")).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content .sl-verdict-healthy")).isVisible();

        page.setViewportSize(400, 900);
        context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        open(page, "exp-verdict-ui", "s-ui-1");
        assertThat(page.locator("#verdict-withdraw")).isVisible();
        screenshot("verdict-corrected-400-dark");
        page.locator("#verdict-withdraw").click();
        assertThat(page.locator("#human-verdict")).hasCount(0);
        assertThat(page.locator("#verdict-confirm")).isVisible();
    }

    @Test
    void a_verdict_a_colleague_changed_meanwhile_is_a_conflict_not_an_overwrite() throws Exception {
        imported("exp-verdict-ui", "s-ui-2", "0000000000000000000000a2");
        open(page, "exp-verdict-ui", "s-ui-2");
        page.locator("#verdict-confirm").click();
        assertThat(page.locator("#human-verdict")).isVisible();
        page.locator("#verdict-change").click();   // this analyst starts editing the verdict the page shows

        try (BrowserContext colleague = browser.newContext(signedIn(io.sessionlens.base.security.Role.MANAGER))) {
            Page theirs = colleague.newPage();
            open(theirs, "exp-verdict-ui", "s-ui-2");
            theirs.locator("#verdict-change").click();
            pick(theirs, "verdict-turn", "Turn 1");
            theirs.locator("#verdict-note textarea").fill("It started when the budget was given.");
            theirs.locator("#verdict-save").click();
            assertThat(theirs.locator("#human-verdict")).containsText("Turn 1");
        }

        // the open form is not redrawn under the analyst's hands: a notice says a teammate changed the session
        assertThat(page.locator("vaadin-notification-card.sl-live-notice")).containsText("while you were editing");
        pick(page, "verdict-turn", "Turn 2");
        page.locator("#verdict-save").click();

        assertThat(page.locator(".sl-verdict-conflict")).isVisible();
        assertThat(page.locator(".sl-verdict-conflict"))
                .containsText(io.sessionlens.support.TestUsers.of(io.sessionlens.base.security.Role.MANAGER).username()
                        + " set it to turn 1");
        screenshot("verdict-conflict-1440");
        page.locator("#verdict-conflict-ok").click();
        assertThat(page.locator("#human-verdict")).containsText("Turn 1");
        assertThat(page.locator("#human-verdict-note")).hasText("It started when the budget was given.");
    }

    @Test
    void a_verdict_a_teammate_gives_appears_on_an_open_page_without_a_reload() throws Exception {
        imported("exp-verdict-ui", "s-ui-3", "0000000000000000000000a3");
        open(page, "exp-verdict-ui", "s-ui-3");
        assertThat(page.locator("#human-verdict")).hasCount(0);
        page.evaluate("window.__stillTheSamePage = true");

        try (BrowserContext teammate = browser.newContext(signedIn(io.sessionlens.base.security.Role.ANALYST))) {
            Page theirs = teammate.newPage();
            open(theirs, "exp-verdict-ui", "s-ui-3");
            theirs.locator("#verdict-change").click();
            pick(theirs, "verdict-turn", "Turn 1");
            theirs.locator("#verdict-save").click();
            assertThat(theirs.locator("#human-verdict")).containsText("Turn 1");
        }

        assertThat(page.locator("#human-verdict")).containsText("Turn 1");
        assertThat(page.locator("vaadin-notification-card.sl-live-notice")).containsText(
                io.sessionlens.support.TestUsers.of(io.sessionlens.base.security.Role.ANALYST).username()
                        + " set the verdict: turn 1");
        assertThat(page.locator(".sl-rail-item.root-cause")).hasCount(1);
        assertThat(page.evaluate("window.__stillTheSamePage === true")).as("the page was not reloaded")
                .isEqualTo(Boolean.TRUE);
        screenshot("verdict-live-1440");
    }
}
