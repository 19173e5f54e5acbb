package io.sessionlens.session.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.sessionlens.demodata.DemoCorpus;
import io.sessionlens.demodata.ExpectedSession;
import io.sessionlens.importer.ImportService;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.DemoData;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The session page at the widths analysts use (400, 768, 1440 px): a link to a turn lands on it, moving between turns
 * keeps the address pointing at the turn, a session opens at its root cause, "?" lists the shortcuts, and the
 * conversation is never squeezed by the rail and the verdict.
 */
class SessionPageLinksBrowserTest extends BrowserTestBase {
    /** bank-chat-5c1e07: turn 3 answered from the 2019 fee schedule, turns 4–5 built on it, a judge flagged turn 5. */
    static final String ROOT_CAUSE_SESSION = "bank-chat-5c1e07";
    static final String HEALTHY_SESSION = "helpdesk-3b81c5";

    @Autowired ImportService imports;
    DemoCorpus corpus;

    @BeforeEach
    void demoSessions() {
        corpus = DemoData.load(imports).corpus();
    }

    private ExpectedSession session(String id) {
        return corpus.sessions().stream().filter(s -> s.sessionId().equals(id)).findFirst().orElseThrow();
    }

    private String url(ExpectedSession s) {
        return baseUrl() + "/sessions/" + s.experimentId() + "/" + s.sessionId();
    }

    private void width(int px, boolean dark) {
        if (dark) context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        page.setViewportSize(px, px == 768 ? 1024 : 900);
    }

    private void noSidewaysScrolling() {
        Object overflow = page
                .evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 768, 1440})
    void a_link_to_turn_5_lands_on_turn_5_and_j_k_keep_the_address_on_the_current_turn(int px) {
        width(px, false);
        ExpectedSession s = session(ROOT_CAUSE_SESSION);
        page.navigate(url(s) + "?turn=5");
        waitForVaadin();

        Locator turn5 = page.locator("#turn-5");
        assertThat(turn5).hasClass(Pattern.compile("current"));
        assertThat(turn5).isInViewport();
        assertThat(page.locator("#turn-rail .sl-rail-item.current")).hasAttribute("data-turn", "5");
        page.waitForTimeout(800);   // the page settles (fonts, chart): the turn must still be in view
        assertThat(turn5).isInViewport();
        noSidewaysScrolling();
        screenshot("session-deep-link-turn-5-" + px);

        page.locator("body").press("k");
        assertThat(page).hasURL(Pattern.compile("\\?turn=4$"));
        assertThat(page.locator("#turn-4")).hasClass(Pattern.compile("current"));
        assertThat(page.locator("#turn-4")).isInViewport();
        assertThat(page.locator("#turn-rail .sl-rail-item.current")).hasAttribute("data-turn", "4");
        page.locator("body").press("k");
        assertThat(page).hasURL(Pattern.compile("\\?turn=3$"));
        // replaced, not pushed: Back leaves the session page instead of stepping through key presses
        assertThat(page.evaluate("() => history.length")).isEqualTo(2);

        // the conversation is never the narrowest column
        double chat = page.locator("#chat").boundingBox().width;
        double panel = page.locator("#session-panel").boundingBox().width;
        double rail = page.locator("#turn-rail").boundingBox().width;
        if (px > 700) assertThat(chat).isGreaterThan(rail);
        else
            assertThat(chat).isGreaterThanOrEqualTo(rail);   // the rail is a strip of links above the chat
        if (px > 1100) assertThat(chat).isGreaterThan(panel);
        if (px <= 1100) {
            // the verdict under the header, the chat beside the compact rail (phones: the full width)
            assertThat(page.locator("#root-cause")).isVisible();
            assertThat(page.locator("#assessment-timeline")).isHidden();
            assertThat(chat).isGreaterThan(px * (px <= 700 ? 0.9 : 0.75));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 768, 1440})
    void a_session_opened_without_a_turn_lands_on_its_root_cause_turn(int px) {
        width(px, px == 768);
        ExpectedSession s = session(ROOT_CAUSE_SESSION);
        page.navigate(url(s));
        waitForVaadin();
        Locator cause = page.locator("#turn-" + s.rootCauseTurn());
        assertThat(cause).hasClass(Pattern.compile("current"));
        assertThat(cause).isInViewport();
        assertThat(page.locator("#turn-rail .sl-rail-item.current")).hasText(Pattern.compile("Turn 3"));
        noSidewaysScrolling();
        page.waitForTimeout(500);
        screenshot("session-root-cause-landing-" + px + (px == 768 ? "-dark" : ""));

        if (px <= 1100) {
            // the judges and details fold under the verdict; one button opens them
            page.locator("#panel-toggle").click();
            assertThat(page.locator("#assessment-timeline")).isVisible();
            assertThat(page.locator("#session-judges")).isVisible();
            screenshot("session-panel-open-" + px + (px == 768 ? "-dark" : ""));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 768, 1440})
    void a_healthy_session_opens_at_its_first_turn(int px) {
        width(px, px == 1440);
        ExpectedSession s = session(HEALTHY_SESSION);
        page.navigate(url(s));
        waitForVaadin();
        assertThat(page.locator("#turn-1")).isInViewport();
        assertThat(page.locator(".sl-turn.current")).hasCount(0);
        assertThat(page).hasURL(Pattern.compile(s.sessionId() + "$"));
        noSidewaysScrolling();
        screenshot("session-healthy-" + px + (px == 1440 ? "-dark" : ""));
    }

    @Test
    void question_mark_lists_the_shortcuts_and_a_rail_click_moves_the_address() {
        ExpectedSession s = session(ROOT_CAUSE_SESSION);
        page.navigate(url(s) + "?turn=1");
        waitForVaadin();
        page.locator("body").press("?");
        assertThat(page.locator(".sl-shortcuts")).isVisible();
        assertThat(page.locator("#shortcuts")).hasAttribute("aria-label", "Keyboard shortcuts");
        assertThat(page.locator(".sl-shortcuts")).containsText("next turn");
        assertThat(page.locator(".sl-shortcuts")).containsText("previous turn");
        screenshot("session-shortcuts");
        page.locator("#shortcuts-close").click();
        assertThat(page.locator(".sl-shortcuts")).hasCount(0);

        page.locator("#turn-rail .sl-rail-item[data-turn='4']").click();
        assertThat(page).hasURL(Pattern.compile("\\?turn=4$"));
        assertThat(page.locator("#turn-4")).isInViewport();
        assertThat(page.locator("#turn-rail .sl-rail-item.current")).hasAttribute("data-turn", "4");
    }

    @Test
    void a_turn_that_ended_in_an_error_says_the_error_once_and_in_words() {
        // helpdesk-7d2c90 turn 2: the MFA reset tool got a 503 and the agent failed with it; no reply
        ExpectedSession s = session("helpdesk-7d2c90");
        page.navigate(url(s) + "?turn=2");
        waitForVaadin();
        Locator turn = page.locator("#turn-2");
        assertThat(turn.locator(".sl-bubble.assistant")).containsText("No reply: the turn ended in an error.");
        assertThat(turn.locator(".sl-bubble.assistant")).containsText("503 Service Unavailable");
        assertThat(turn).not().containsText("(no assistant reply found)");
        Object shown = turn.evaluate("t => (t.innerText.match(/503 Service Unavailable/g) || []).length");
        assertThat(((Number) shown).intValue()).as("times the 503 is shown").isEqualTo(1);
        assertThat(turn.innerText()).doesNotContain("error_state", "tool_error", "failing_assessment",
                "context_window", "error_span");
        screenshot("session-error-turn");
    }

    @Test
    void context_findings_on_many_turns_are_said_once_with_the_turns_as_a_range() {
        // helpdesk-onb: a sliding window drops the oldest turns from turn 6 on
        ExpectedSession s = corpus.sessions().stream().filter(x -> x.sessionId().startsWith("helpdesk-onb-"))
                .findFirst().orElseThrow();
        page.navigate(url(s));
        waitForVaadin();
        Locator findings = page.locator("#context-findings");
        // turns 5–12 dropped the oldest turns: one line for them, each turn's particulars folded under it
        assertThat(findings.locator(".sl-finding")).hasCount(2);
        assertThat(findings.locator(".sl-finding").first())
                .hasText("Turns 5–12: the oldest turns were left out of the model's input");
        assertThat(findings.locator(".sl-finding").nth(1))
                .containsText("Turn 9: the system prompt changed since turn 8");
        assertThat(findings).not().containsText("sliding_window");
        findings.locator("vaadin-details").click();
        assertThat(findings.locator("vaadin-details"))
                .containsText("Turn 12: the model saw turns 9–11 but not turns 1–8");
        assertThat(page.locator("#scorer-errors")).not().containsText(" · :");
        page.locator("#context-findings").scrollIntoViewIfNeeded();
        screenshot("session-context-findings");
    }
}
