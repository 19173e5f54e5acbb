package io.sessionlens.session.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.sessionlens.demodata.DemoCorpus;
import io.sessionlens.demodata.ExpectedSession;
import io.sessionlens.importer.ImportService;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.DemoData;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an analyst does on the Sessions and Session pages, in real Chromium, on the demo sessions. */
class SessionViewsBrowserTest extends BrowserTestBase {
    @Autowired ImportService imports;
    DemoCorpus corpus;

    @BeforeEach
    void demoSessions() {
        corpus = DemoData.load(imports).corpus();
    }

    private ExpectedSession earlyRootCause() {
        return corpus.sessions().stream()
                .filter(s -> s.rootCauseTurn() != null && s.flaggedTurn() != null
                        && s.rootCauseTurn() < s.flaggedTurn())
                .filter(s -> "outdated_retrieval".equals(s.rootCauseKind()))
                .findFirst().orElseThrow();
    }

    @Test
    void search_filters_live_in_the_url_and_a_link_reproduces_the_view() {
        ExpectedSession s = earlyRootCause();
        page.navigate(baseUrl() + "/sessions");
        waitForVaadin();
        page.locator("#session-search input").fill(s.sessionId());
        page.waitForURL("**q=" + s.sessionId() + "**");
        waitForVaadin();
        Locator grid = page.locator("#sessions-grid");
        assertThat(grid.locator("vaadin-grid-cell-content a", new Locator.LocatorOptions().setHasText(s.sessionId()))
                .first()).isVisible();
        assertThat(page.locator("#sessions-total")).hasText("1 session");
        String url = page.url();
        screenshot("sessions-filtered");

        page.navigate(baseUrl() + "/sessions");
        waitForVaadin();
        assertThat(page.locator("#sessions-total")).not().hasText("1 session");
        page.navigate(url);   // the colleague opens the link
        waitForVaadin();
        assertThat(page.locator("#sessions-total")).hasText("1 session");
        assertThat(page.locator("#session-search input")).hasValue(s.sessionId());

        page.navigate(baseUrl() + "/sessions?rootcause=true&errors=true");
        waitForVaadin();
        assertThat(page.locator("#filter-verdict")).containsText("root cause");   // the earlier link still works
        assertThat(grid.locator(".sl-root-cause-marker").first()).isVisible();
        screenshot("sessions");
    }

    @Test
    void the_session_page_marks_the_earlier_root_cause_turn_and_shows_each_turns_text() {
        ExpectedSession s = earlyRootCause();
        page.navigate(baseUrl() + "/sessions/" + s.experimentId() + "/" + s.sessionId());
        waitForVaadin();
        var firstTurn = s.turns().getFirst();
        assertThat(page.locator("#turn-1 .sl-bubble.user")).containsText(firstTurn.userText().substring(0, 30));
        assertThat(page.locator("#turn-rail .root-cause")).hasText("Turn " + s.rootCauseTurn());
        assertThat(page.locator("#turn-" + s.rootCauseTurn())).hasClass(java.util.regex.Pattern.compile("root-cause"));
        assertThat(page.locator("#turn-" + s.flaggedTurn())).hasClass(java.util.regex.Pattern.compile("flagged"));
        assertThat(page.locator("#root-cause")).containsText("Turn " + s.rootCauseTurn());
        assertThat(page.locator("#session-judges .sl-rationale").first()).not().isEmpty();
        page.waitForSelector("#assessment-timeline[data-rendered=true]");
        assertThat(page.locator("#assessment-timeline svg path").count()).isGreaterThan(3);
        screenshot("session");

        // clicking a point of the judges' timeline scrolls to its turn
        page.locator("#assessment-timeline")
                .evaluate("(el, turn) => el.dispatchEvent(new CustomEvent('sl-chart-click', "
                        + "{detail: {seriesName: 'fail', dataIndex: 0, value: [turn, 0], name: 'x'}}))",
                        s.flaggedTurn());
        assertThat(page.locator("#turn-" + s.flaggedTurn())).hasClass(java.util.regex.Pattern.compile("current"));

        // j moves to the next turn; ?turn=N lands on a turn
        page.locator("body").press("j");
        assertThat(page.locator(".sl-turn.current")).hasCount(1);
        page.navigate(baseUrl() + "/sessions/" + s.experimentId() + "/" + s.sessionId() + "?turn=" + s.rootCauseTurn());
        waitForVaadin();
        assertThat(page.locator("#turn-" + s.rootCauseTurn())).hasClass(java.util.regex.Pattern.compile("current"));
        screenshot("session-root-cause-turn");
    }

    @Test
    void where_it_went_wrong_shows_the_verdict_its_confidence_and_what_else_was_considered() {
        // bank-chat-5c1e07: turn 3 answered from the deprecated 2019 fee schedule, turns 4-5 built on it, a judge flagged 5
        ExpectedSession s = corpus.sessions().stream().filter(x -> x.sessionId().equals("bank-chat-5c1e07")).findFirst()
                .orElseThrow();
        page.navigate(baseUrl() + "/sessions/" + s.experimentId() + "/" + s.sessionId());
        waitForVaadin();
        Locator box = page.locator("#root-cause");
        assertThat(box.locator("a").first()).hasText("Turn 3");
        assertThat(page.locator("#root-cause-kind")).hasText("outdated document");
        assertThat(page.locator("#root-cause-confidence"))
                .hasText(java.util.regex.Pattern.compile("confidence (high|medium|low) · [01]\\.\\d\\d"));
        assertThat(page.locator("#root-cause-evidence")).containsText("2019");
        assertThat(page.locator("#root-cause-chain")).hasText("Later turns that built on it: 4 and 5");
        assertThat(page.locator("#root-cause-flagged")).hasText("A judge flagged turn 5");
        assertThat(box).not().containsText("[");   // no Java list, no raw kind names
        assertThat(box).not().containsText("outdated_retrieval");
        Locator also = page.locator("#root-cause-candidates");
        assertThat(also.locator("h4")).hasText("Also considered");
        assertThat(also.locator(".sl-candidate").first()).containsText("score 0.");
        assertThat(also.locator(".sl-candidate a").first()).hasText(java.util.regex.Pattern.compile("Turn \\d+"));
        page.waitForSelector("#assessment-timeline[data-rendered=true]");
        screenshot("session-root-cause-1440");

        // a link in the box goes to its turn
        page.locator("#root-cause-chain a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("5")).click();
        assertThat(page.locator("#turn-5")).hasClass(java.util.regex.Pattern.compile("current"));

        page.setViewportSize(768, 1024);
        page.locator("#root-cause").scrollIntoViewIfNeeded();
        assertThat(page.locator("#root-cause-confidence")).isVisible();
        screenshot("session-root-cause-768");
    }

    @Test
    void a_healthy_session_says_why_it_has_no_root_cause() {
        ExpectedSession s = corpus.sessions().stream().filter(x -> x.sessionId().equals("helpdesk-3b81c5")).findFirst()
                .orElseThrow();
        page.navigate(baseUrl() + "/sessions/" + s.experimentId() + "/" + s.sessionId());
        waitForVaadin();
        assertThat(page.locator("#root-cause")).containsText("No evidence of a failure in this session.");
        assertThat(page.locator("#diagnosis-note")).hasText(java.util.regex.Pattern
                .compile("^(Every judge passed|No judge flagged a turn); no error went unrecovered.*\\.$"));
        assertThat(page.locator("#root-cause-candidates")).hasCount(0);
        page.waitForSelector("#assessment-timeline[data-rendered=true]");
        screenshot("session-healthy-1440");
        page.setViewportSize(768, 1024);
        screenshot("session-healthy-768");
    }

    @Test
    void from_a_turn_the_analyst_opens_its_span_tree() {
        ExpectedSession s = corpus.sessions().stream().filter(x -> "tool_error".equals(x.rootCauseKind()))
                .filter(x -> x.turns().stream().anyMatch(t -> t.error())).findFirst().orElseThrow();
        int errorTurn = s.turns().stream().filter(t -> t.error()).findFirst().orElseThrow().index();
        page.navigate(baseUrl() + "/sessions/" + s.experimentId() + "/" + s.sessionId());
        waitForVaadin();
        // the error is listed, or stands where the reply would be when the turn ended in it
        assertThat(page.locator("#turn-" + errorTurn + " .sl-errors, #turn-" + errorTurn + " .sl-no-reply").first())
                .isVisible();
        page.locator("#turn-" + errorTurn + " .sl-span-link").click();
        page.waitForURL("**/traces/**");
        waitForVaadin();
        assertThat(page.locator("vaadin-grid-cell-content").first()).isVisible();
        screenshot("session-to-trace");
    }

    @Test
    void script_in_a_trace_is_shown_as_text_and_never_runs() {
        String evil = "<img src=x onerror=\"window.__xss=1\"> **bold** <script>window.__xss=1</script>";
        String trace = Fixtures.trace("tr-0000000000000000000000000000e666", "exp-xss", "s-xss", "2026-03-01T10:00:00Z",
                "<b onmouseover=alert(1)>mallory</b>", evil, "[click](javascript:window.__xss=1) " + evil, "");
        assertThat(new Http(baseUrl()).postJson("/api/imports", trace).status()).isEqualTo(200);
        page.navigate(baseUrl() + "/sessions?q=s-xss");
        waitForVaadin();
        page.navigate(baseUrl() + "/sessions/exp-xss/s-xss");
        waitForVaadin();
        assertThat(page.locator("#turn-1 .sl-bubble.user")).containsText("<img src=x");
        assertThat(page.locator("#turn-1 .sl-bubble.user strong")).hasText("bold");   // markdown still renders
        assertThat(page.locator("#turn-1 img")).hasCount(0);
        assertThat(page.locator("#turn-1 script")).hasCount(0);
        page.locator("#turn-1 .sl-bubble.assistant a").first()
                .click(new Locator.ClickOptions().setTimeout(2000).setTrial(false));
        Object xss = page.evaluate("() => window.__xss");
        assertThat(xss).isNull();
        screenshot("session-xss");
    }

    @Test
    void a_failed_session_judge_is_listed_with_the_session_and_not_in_a_turn() {
        // the onboarding session: its conversation_completeness judge crashed (context window exceeded)
        ExpectedSession s = corpus.sessions().stream().filter(x -> x.sessionId().startsWith("helpdesk-onb-"))
                .findFirst().orElseThrow();
        page.navigate(baseUrl() + "/sessions/" + s.experimentId() + "/" + s.sessionId());
        waitForVaadin();
        assertThat(page.locator("#scorer-errors")).containsText("conversation_completeness (session)");
        assertThat(page.locator("#scorer-errors")).containsText("ContextWindowExceededError");
        assertThat(page.locator("#turn-1")).not().containsText("conversation_completeness");
        screenshot("session-scorer-error");
    }

    @Test
    void a_wrong_link_gets_a_clear_page_with_the_way_back() {
        page.navigate(baseUrl() + "/no-such-page");
        assertThat(page.locator("#error-view")).containsText("Page not found");
        page.navigate(baseUrl() + "/sessions/exp-none/no-such-session");
        assertThat(page.locator("h2")).containsText("Session not found");
        page.locator("a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Back to all sessions"))
                .click();
        page.waitForURL("**/sessions");
        screenshot("not-found");
    }

    @Test
    void the_theme_switch_turns_the_app_dark_and_back() {
        page.navigate(baseUrl() + "/sessions");
        waitForVaadin();
        page.locator("#theme-toggle").click();
        page.waitForFunction("() => document.documentElement.getAttribute('theme') === 'dark'");
        page.waitForTimeout(600);   // let Lumo's colour transitions finish before the screenshot
        screenshot("sessions-dark");
        page.reload();
        waitForVaadin();
        page.waitForFunction("() => document.documentElement.getAttribute('theme') === 'dark'");   // remembered
        page.locator("#theme-toggle").click();
        page.waitForFunction("() => document.documentElement.getAttribute('theme') !== 'dark'");
    }
}
