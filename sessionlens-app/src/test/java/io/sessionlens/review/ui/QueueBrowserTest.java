package io.sessionlens.review.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.sessionlens.base.security.Role;
import io.sessionlens.review.web.QueueApiTest;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Http;
import io.sessionlens.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #12's review queues in real Chromium: a manager makes a queue from the Sessions page's filter; two reviewers in
 * two browsers get different sessions (the lock); the keyboard answers (a digit picks, Ctrl+Enter submits and opens the
 * next); the queue page then shows the agreement (percent and Cohen's kappa) and the disagreement, which the manager
 * adjudicates.
 */
class QueueBrowserTest extends BrowserTestBase {
    @Autowired SessionAnalysisWorker worker;

    @Override
    protected Role role() {
        return Role.MANAGER;
    }

    void settle(Page p) {
        p.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    static void pickItem(Page p, String comboId, String item) {
        p.locator("#" + comboId + " input").click();
        p.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText(item)).first()
                .click();
    }

    @Test
    void a_queue_from_a_filter_answered_by_two_reviewers_by_keyboard_yields_agreement_and_an_adjudication()
            throws Exception {
        var admin = new Http(baseUrl());
        String exp = "exp-queue-ui";
        QueueApiTest.sessions(admin, worker, exp, "0000000000000000000000c3", 2);
        QueueApiTest.failureKind(admin.as(Role.MANAGER), exp);
        TestUsers.ensure(baseUrl());
        String analystName = TestUsers.of(Role.ANALYST).username();
        String managerName = TestUsers.of(Role.MANAGER).username();

        // the manager: Sessions page filter → new queue
        page.navigate(baseUrl() + "/sessions?experiment=" + exp);
        page.locator("#create-queue-from-filter").click();
        assertThat(page.locator("#queue-matching")).hasText("2 sessions match.");
        page.locator("#queue-name input").fill("Laptop budget check");
        pickItem(page, "queue-labels", "failure_kind");
        page.keyboard().press("Escape");
        pickItem(page, "queue-reviewers", analystName);
        pickItem(page, "queue-reviewers", managerName);
        page.keyboard().press("Escape");
        page.locator("#queue-per-session").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("2")).first().click();
        assertThat(page.locator("vaadin-select-overlay[opened]")).hasCount(0);
        settle(page);
        screenshot("queue-new-1440");
        page.locator("#queue-create").click();
        page.waitForURL(u -> u.matches(".*/queues/[0-9]+$"));
        long id = Long.parseLong(page.url().replaceAll(".*/queues/", ""));
        assertThat(page.locator("#queue-progress")).containsText("0 of 4 answers");
        // a colleague keeps the queue page open: it follows the reviewers without a reload
        BrowserContext watching = browser.newContext(signedIn(Role.ADMIN).setViewportSize(1440, 900));
        Page watcher = watching.newPage();
        watcher.navigate(baseUrl() + "/queues/" + id);
        assertThat(watcher.locator("#queue-progress")).containsText("0 of 4 answers");

        // two reviewers in two browsers: each gets a session of their own
        page.navigate(baseUrl() + "/queues/" + id + "/review");
        assertThat(page.locator("#review-progress")).hasText("Session 1 of 2");
        String managersSession = page.locator("#review-session").innerText();
        assertThat(page.locator("#review-shortcuts")).containsText("Ctrl+Enter");
        screenshot("queue-focus-1440");
        try (BrowserContext theirs = browser.newContext(signedIn(Role.ANALYST).setViewportSize(1440, 900))) {
            Page analyst = theirs.newPage();
            analyst.navigate(baseUrl() + "/queues/" + id + "/review");
            assertThat(analyst.locator("#review-progress")).hasText("Session 1 of 2");
            String analystsSession = analyst.locator("#review-session").innerText();
            assertThat(analystsSession).as("the lock keeps the analyst off the manager's session")
                    .isNotEqualTo(managersSession);

            // the manager, by keyboard: 0 = no root cause, then the label's 3rd option; Ctrl+Enter submits
            page.locator("#review-panel").click(new Locator.ClickOptions().setPosition(2, 2));
            page.keyboard().press("0");
            assertThat(page.locator("#opt-turn-none")).hasClass(java.util.regex.Pattern.compile(".*picked.*"));
            page.keyboard().press("3");
            assertThat(page.locator("#opt-label-failure_kind-3"))
                    .hasClass(java.util.regex.Pattern.compile(".*picked.*"));
            page.keyboard().press("Control+Enter");
            assertThat(page.locator("#review-done")).isVisible();   // the other session is the analyst's

            // the analyst: 1 picks turn 1 (the kind question comes next), 2 its kind, 1 the label; Ctrl+Enter → next
            analyst.locator("#review-panel").click(new Locator.ClickOptions().setPosition(2, 2));
            analyst.keyboard().press("1");
            assertThat(analyst.locator("#opt-turn-1")).hasClass(java.util.regex.Pattern.compile(".*picked.*"));
            assertThat(analyst.locator("#q-kind")).hasClass(java.util.regex.Pattern.compile(".*active.*"));
            analyst.keyboard().press("2");
            analyst.keyboard().press("1");
            assertThat(analyst.locator("#opt-label-failure_kind-1"))
                    .hasClass(java.util.regex.Pattern.compile(".*picked.*"));
            analyst.keyboard().press("Control+Enter");
            assertThat(analyst.locator("#review-progress")).hasText("Session 2 of 2");
            assertThat(analyst.locator("#review-session")).hasText(managersSession);
            analyst.keyboard().press("0");
            analyst.keyboard().press("3");
            analyst.keyboard().press("Control+Enter");
            assertThat(analyst.locator("#review-done")).isVisible();
        }
        page.reload();
        assertThat(page.locator("#review-progress")).hasText("Session 2 of 2");
        page.keyboard().press("0");
        page.keyboard().press("3");
        page.keyboard().press("Control+Enter");
        assertThat(page.locator("#review-done")).isVisible();

        assertThat(watcher.locator("#queue-progress")).containsText("4 of 4 answers");
        assertThat(watcher.locator("#disagreements .sl-disagreement")).hasCount(1);
        assertThat(watcher.locator("#queue-delete")).isVisible();   // redrawn as the admin it is
        watching.close();

        // the queue page: one session agreed (no root cause), one not (turn 1 against none): 50 %, kappa 0
        page.navigate(baseUrl() + "/queues/" + id);
        assertThat(page.locator("#queue-progress")).containsText("4 of 4 answers");
        Locator turnRow = page.locator("#agreement tr")
                .filter(new Locator.FilterOptions().setHasText("root-cause turn"));
        assertThat(turnRow).containsText("50%");
        assertThat(turnRow).containsText("0.00");
        assertThat(page.locator("#disagreements .sl-disagreement")).hasCount(1);
        assertThat(page.locator("#disagreements")).containsText(analystName);
        screenshot("queue-agreement-1440");
        page.setViewportSize(400, 900);
        screenshot("queue-agreement-400");
        page.setViewportSize(1440, 900);
        page.locator("#disagreements vaadin-button").filter(new Locator.FilterOptions().setHasText(managerName))
                .click();
        assertThat(page.locator("#disagreements .sl-disagreement")).hasCount(0);
        assertThat(page.locator("#queue-items")).containsText("adjudicated");
    }

    @Test
    void the_focus_view_at_a_phone_width_and_in_the_dark() throws Exception {
        var admin = new Http(baseUrl());
        String exp = "exp-queue-ui-look";
        QueueApiTest.sessions(admin, worker, exp, "0000000000000000000000c4", 1);
        QueueApiTest.failureKind(admin.as(Role.MANAGER), exp);
        TestUsers.ensure(baseUrl());
        var made = admin.as(Role.MANAGER).postJson("/api/queues", QueueApiTest.newQueue("Phone queue", exp, 1,
                TestUsers.of(Role.MANAGER).username()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        for (boolean dark : new boolean[]{false, true}) {
            for (int width : new int[]{400, 1440}) {
                Browser.NewContextOptions o = signedIn(Role.MANAGER).setViewportSize(width, 900);
                try (BrowserContext c = browser.newContext(o)) {
                    if (dark) c.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
                    Page p = c.newPage();
                    p.navigate(baseUrl() + "/queues/" + id + "/review");
                    assertThat(p.locator("#review-progress")).hasText("Session 1 of 1");
                    assertThat(p.locator("#review-auto")).containsText("The analysis");
                    assertThat(p.locator(".sl-review .sl-turn")).hasCount(3);
                    settle(p);
                    p.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS
                            .resolve("queue-focus-" + width + (dark ? "-dark" : "") + ".png")));
                    p.keyboard().press("j");
                    assertThat(p.locator("#turn-1")).hasClass(java.util.regex.Pattern.compile(".*current.*"));
                    p.keyboard().press("j");
                    assertThat(p.locator("#turn-2")).hasClass(java.util.regex.Pattern.compile(".*current.*"));
                    double overflow = ((Number) p.evaluate(
                            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                            .doubleValue();
                    assertThat(overflow).as("no sideways scrolling at " + width + " px").isLessThanOrEqualTo(0);
                }
            }
        }
        // s skips: nothing left for this reviewer
        page.navigate(baseUrl() + "/queues/" + id + "/review");
        assertThat(page.locator("#review-progress")).isVisible();
        settle(page);
        page.keyboard().press("s");
        assertThat(page.locator("#review-done")).isVisible();
    }
}
