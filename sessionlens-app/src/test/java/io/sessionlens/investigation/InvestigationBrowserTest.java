package io.sessionlens.investigation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.sessionlens.base.security.Role;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.session.web.VerdictApiTest;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Http;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #13 in real Chromium: an analyst opens an investigation, pins a turn from the session page and a span from the
 * span page, a teammate's pin appears on the open page without a reload, the HTML report downloads self-contained and
 * escaped, and the share link opens the investigation (and nothing else) without a login until it is revoked.
 */
class InvestigationBrowserTest extends BrowserTestBase {
    @Autowired SessionAnalysisWorker worker;

    @Override
    protected Role role() {
        return Role.ANALYST;
    }

    void imported(String exp, String session, String hex) throws Exception {
        assertThat(new Http(baseUrl()).postJson("/api/imports",
                VerdictApiTest.session(exp, session, hex, "Yes, it is <b>within</b> budget.")).status())
                .isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
    }

    void settle(Page p) {
        p.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    static void choose(Page p, String title) {
        p.locator("#pin-investigation input").fill(title);
        p.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(title)).first().click();
    }

    void shot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void pin_a_turn_and_a_span_see_a_teammates_pin_live_export_and_share() throws Exception {
        imported("exp-inv-ui", "s-inv-ui", "0000000000000000000009b1");
        imported("exp-inv-ui", "s-inv-ui-2", "0000000000000000000009b2");

        // create it on the list page
        page.navigate(baseUrl() + "/investigations");
        page.locator("#new-investigation").click();
        page.locator("#new-title input").fill("Budget answers go wrong");
        page.locator("#new-hypothesis textarea").fill("The price table the model reads is stale.");
        page.locator("#new-create").click();
        page.waitForURL(u -> u.matches(".*/investigations/\\d+$"));
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        assertThat(page.locator("#inv-title input")).hasValue("Budget answers go wrong");

        // pin turn 3 from the session page: the quote is prefilled with the judge's rationale
        page.navigate(baseUrl() + "/sessions/exp-inv-ui/s-inv-ui");
        settle(page);
        page.locator("#pin-turn-3").click();
        assertThat(page.locator("#pin-quote textarea")).hasValue(
                java.util.regex.Pattern.compile(".*1,299 euros.*", java.util.regex.Pattern.DOTALL));
        choose(page, "Budget answers go wrong");
        page.waitForTimeout(600);   // the dialog's opening animation
        shot(page, "investigation-pin-dialog-chosen-1440");
        page.locator("#pin-confirm").click();
        assertThat(page.locator("#pinned-notification-overlay, vaadin-notification-card").first())
                .containsText("Pinned to");
        page.navigate(baseUrl() + "/sessions/exp-inv-ui/s-inv-ui");
        assertThat(page.locator("#session-investigations")).containsText("Budget answers go wrong");

        // pin the selected span from the span page
        page.navigate(baseUrl() + "/traces/tr-0000000000000000000009b100000002");
        settle(page);
        page.locator("#pin-span").click();
        choose(page, "Budget answers go wrong");
        page.locator("#pin-quote textarea").fill("The <llm> span read the old <b>price</b>.");
        page.locator("#pin-confirm").click();
        settle(page);

        // the investigation page shows both, grouped under the session
        page.navigate(baseUrl() + "/investigations/" + id);
        settle(page);
        assertThat(page.locator(".sl-inv-pin")).hasCount(2);
        assertThat(page.locator("#inv-evidence")).containsText("turn 3");
        assertThat(page.locator("#inv-evidence")).containsText("The <llm> span read the old <b>price</b>.");

        // a teammate pins a turn of another session from their browser: it appears here without a reload
        try (BrowserContext mate = browser.newContext(signedIn(Role.MANAGER).setViewportSize(1440, 900))) {
            Page m = mate.newPage();
            m.setDefaultTimeout(20_000);
            m.navigate(baseUrl() + "/sessions/exp-inv-ui/s-inv-ui-2");
            settle(m);
            m.locator("#pin-turn-2").click();
            choose(m, "Budget answers go wrong");
            m.locator("#pin-confirm").click();
            settle(m);
        }
        assertThat(page.locator(".sl-inv-pin")).hasCount(3);
        assertThat(page.locator("#inv-evidence")).containsText("Session s-inv-ui-2");
        assertThat(page.locator("#inv-meta")).containsText("manager");

        page.locator("#inv-conclusion textarea").fill("The **price table** was a year old.\n\n- fix the index");
        page.locator("#inv-save").click();
        settle(page);
        assertThat(page.locator("#inv-conclusion-preview strong")).hasText("price table");
        shot(page, "investigation-page-saved-1440");

        // the HTML report downloads, self-contained and escaped
        Download download = page.waitForDownload(() -> page.locator("#export-html").click());
        String html = Files.readString(download.path());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("&lt;llm&gt; span read the old &lt;b&gt;price")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=")
                .contains("<strong>price table</strong>");
        Page report = context.newPage();
        report.setContent(html);
        report.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("investigation-report-1440.png"))
                .setFullPage(true));
        report.close();

        // share: a fresh browser without a login sees the investigation, and only it
        page.locator("#share-create").click();
        String url = page.locator("#share-url input").inputValue();
        assertThat(url).contains("/share/");
        try (BrowserContext stranger = browser.newContext(new Browser.NewContextOptions().setViewportSize(400, 900))) {
            Page s = stranger.newPage();
            var answer = s.navigate(url);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(s.locator("#title")).hasText("Budget answers go wrong");
            assertThat(s.locator("body")).containsText("The <llm> span read the old <b>price</b>.");
            assertThat(s.locator("a")).hasCount(0);   // no way into the rest of the app
            shot(s, "investigation-share-400");
            s.navigate(baseUrl() + "/investigations/" + id);
            s.waitForURL(u -> u.contains("/login"));
            s.navigate(baseUrl() + "/sessions");
            s.waitForURL(u -> u.contains("/login"));
        }
        page.locator("#share-revoke").click();
        settle(page);
        try (BrowserContext stranger = browser.newContext()) {
            assertThat(stranger.newPage().navigate(url).status()).isEqualTo(404);
        }
    }

    @Test
    void sessions_selected_in_the_list_are_added_to_a_new_investigation_at_once() throws Exception {
        imported("exp-inv-list", "s-inv-list-1", "0000000000000000000009d1");
        imported("exp-inv-list", "s-inv-list-2", "0000000000000000000009d2");
        page.navigate(baseUrl() + "/sessions?experiment=exp-inv-list");
        settle(page);
        assertThat(page.locator("#pin-selected")).isHidden();
        page.locator("#select-sessions").click();
        var rows = page.locator("#sessions-grid vaadin-checkbox:not(#selectAllCheckbox)");
        rows.nth(0).click();
        rows.nth(1).click();
        assertThat(page.locator("#pin-selected")).hasText("Add 2 sessions to an investigation");
        page.locator("#pin-selected").click();
        page.locator("#pin-where").getByText("A new investigation").click();
        page.locator("#pin-new-title input").fill("Both list sessions");
        page.waitForTimeout(600);   // the dialog's opening animation
        shot(page, "investigation-pin-dialog-selection-1440");
        page.locator("#pin-confirm").click();
        settle(page);
        page.locator("#pinned-link").click();
        page.waitForURL(u -> u.matches(".*/investigations/\\d+$"));
        assertThat(page.locator(".sl-inv-session")).hasCount(2);
        assertThat(page.locator("#inv-title input")).hasValue("Both list sessions");
        // a session still opens from the list with one click on its name
        page.navigate(baseUrl() + "/sessions?experiment=exp-inv-list");
        settle(page);
        page.locator("#sessions-grid").getByText("s-inv-list-1").click();
        page.waitForURL(u -> u.contains("/sessions/exp-inv-list/s-inv-list-1"));
        assertThat(page.locator("#session-investigations")).containsText("Both list sessions");
    }

    @Test
    void a_teammates_newer_save_opens_a_conflict_dialog_that_keeps_both_versions() {
        var http = new Http(baseUrl()).as(Role.ANALYST);
        long id = http.postJson("/api/investigations", "{\"title\": \"Edited twice\"}").json().get("id").asLong();
        page.navigate(baseUrl() + "/investigations/" + id);
        settle(page);
        page.locator("#inv-conclusion textarea").fill("Mine: the cache is stale.");
        page.locator("#inv-title input").click();   // leave the field: its value is synced
        settle(page);
        // a teammate saves first (through the API, as automation would)
        assertThat(http.as(Role.MANAGER).putJson("/api/investigations/" + id,
                "{\"conclusion\": \"Theirs: the index is stale.\", \"version\": 0}").status()).isEqualTo(200);
        assertThat(page.locator("#inv-changed")).containsText("changed this investigation meanwhile");
        assertThat(page.locator("#inv-conclusion textarea")).hasValue("Mine: the cache is stale.");   // not redrawn away
        page.locator("#inv-save").click();
        assertThat(page.locator(".sl-inv-diff")).isVisible();
        assertThat(page.locator(".sl-inv-diff-theirs")).containsText("Theirs: the index is stale.");
        assertThat(page.locator(".sl-inv-diff-mine")).containsText("Mine: the cache is stale.");
        page.waitForTimeout(600);   // the dialog's opening animation
        shot(page, "investigation-conflict-1440");
        page.locator("#inv-conflict-mine").click();
        settle(page);
        assertThat(http.get("/api/investigations/" + id).json().get("conclusion").asString())
                .isEqualTo("Mine: the cache is stale.");
    }

    @Test
    void screenshots_light_and_dark_at_400_and_1440() throws Exception {
        imported("exp-inv-shots", "s-inv-shots", "0000000000000000000009c1");
        var http = new Http(baseUrl()).as(Role.ANALYST);
        long id = http.postJson("/api/investigations", "{\"title\": \"Refund questions go wrong since the 12th\","
                + " \"hypothesis\": \"The refund policy document retrieved is the 2024 one.\"}").json().get("id")
                .asLong();
        http.postJson("/api/investigations/" + id + "/pins",
                "{\"experimentId\": \"exp-inv-shots\", \"sessionId\": \"s-inv-shots\", \"turn\": 3}");
        http.postJson("/api/investigations/" + id + "/pins",
                "{\"experimentId\": \"exp-inv-shots\", \"sessionId\": \"s-inv-shots\"}");
        http.putJson("/api/investigations/" + id, "{\"conclusion\": \"Confirmed: **stale** policy.\","
                + " \"rootCauseKind\": \"outdated_retrieval\"}");
        String share = http.postJson("/api/investigations/" + id + "/share", "{}").json().get("url").asString();
        String report = http.get("/api/investigations/" + id + "/export?format=html").body();
        for (boolean dark : new boolean[]{false, true}) {
            for (int px : new int[]{400, 1440}) {
                var options = signedIn(Role.ANALYST).setViewportSize(px, 900);
                if (dark) options.setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK);
                try (BrowserContext c = browser.newContext(options)) {
                    if (dark) c.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
                    Page p = c.newPage();
                    p.setDefaultTimeout(20_000);
                    String suffix = (dark ? "dark" : "light") + "-" + px;
                    p.navigate(baseUrl() + "/investigations/" + id);
                    settle(p);
                    assertThat(p.locator(".sl-inv-pin")).hasCount(2);
                    shot(p, "investigation-page-" + suffix);
                    p.navigate(baseUrl() + "/investigations");
                    settle(p);
                    shot(p, "investigations-list-" + suffix);
                    p.navigate(baseUrl() + "/sessions/exp-inv-shots/s-inv-shots");
                    settle(p);
                    p.locator("#pin-turn-3").click();
                    settle(p);
                    p.locator("#pin-quote").waitFor();
                    p.waitForTimeout(600);   // the dialog's opening animation
                    shot(p, "investigation-pin-dialog-" + suffix);
                    p.navigate(share);
                    shot(p, "investigation-share-" + suffix);
                    p.setContent(report);
                    shot(p, "investigation-report-" + suffix);
                }
            }
        }
    }
}
