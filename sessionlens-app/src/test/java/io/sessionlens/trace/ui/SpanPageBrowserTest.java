package io.sessionlens.trace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import io.sessionlens.importer.ImportService;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.DemoData;
import io.sessionlens.support.Http;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The span page on the demo sessions at 400, 768 and 1440 px: the turn's judges above the tree, a span selected with
 * its details from the start, same-named model calls told apart, the arrow keys selecting, the Chat tab for Gemini, and
 * the tree above the details on narrow screens.
 */
class SpanPageBrowserTest extends BrowserTestBase {
    @Autowired ImportService imports;

    @BeforeEach
    void demoSessions() {
        DemoData.load(imports);
    }

    private String traceOf(String experimentId, String sessionId, int turn) {
        return new Http(baseUrl()).get("/api/sessions/" + sessionId + "?experimentId=" + experimentId).json()
                .get("turns").get(turn - 1).get("traceId").asString();
    }

    private void open(String traceId) {
        page.navigate(baseUrl() + "/" + TraceNavigation.traceUrl(traceId));
        waitForVaadin();
    }

    private void noSidewaysScrolling() {
        Object overflow = page
                .evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 768, 1440})
    void the_turns_judges_stand_above_the_tree_and_a_span_is_selected_from_the_start(int px) {
        boolean dark = px == 768;
        if (dark) context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        page.setViewportSize(px, 900);
        // bank-chat-5c1e07 turn 5: correctness and retrieval_groundedness failed
        open(traceOf("1", "bank-chat-5c1e07", 5));

        Locator judges = page.locator("#turn-judges");
        assertThat(judges).containsText("Judges of this turn (5, 2 failing)");
        if (px < 600) judges.locator("vaadin-details-summary").first().click();
        assertThat(judges.locator(".sl-judge.fail").first()).isVisible();
        assertThat(judges.locator(".sl-judge").first()).hasClass(Pattern.compile("fail"));
        assertThat(judges.locator(".sl-judge.fail", new Locator.LocatorOptions().setHasText("correctness: no")))
                .containsText("the current (2025) fee schedule sets Premier overdraft fees to $0");

        Locator details = page.locator("#span-details");
        assertThat(details.locator(".span-title")).hasText("bank_support_chat");   // no error: the root, selected
        assertThat(page.locator("#span-tree .span-name[title='policy_search']")).isVisible();   // its children open
        details.locator("#tab-assessments").click();
        assertThat(details).containsText("the turn's judges are at the top of the page");
        details.locator("#tab-chat").click();
        assertThat(details.locator(".chat-line").first()).isVisible();

        BoundingBox tree = page.locator("#span-tree").boundingBox();
        BoundingBox box = details.boundingBox();
        if (px < TraceView.STACKED_BELOW) {
            assertThat(tree.y + tree.height).as("tree above the details").isLessThanOrEqualTo(box.y + 1);
            assertThat(tree.width).isGreaterThan(px * 0.8);
        } else {
            assertThat(tree.x + tree.width).as("tree beside the details").isLessThanOrEqualTo(box.x + 1);
        }
        noSidewaysScrolling();
        screenshot("span-page-judges-" + px + (dark ? "-dark" : ""));
    }

    @Test
    void a_gemini_turn_opens_at_its_failed_model_call_tells_the_model_calls_apart_and_shows_their_chat() {
        page.setViewportSize(1440, 900);
        // trip-planner-6b1d2e turn 2: gemini-2.5-pro answered 429, the flash-lite fallback searched and answered
        open(traceOf("3", "trip-planner-6b1d2e", 2));

        Locator details = page.locator("#span-details");
        assertThat(details.locator(".span-title")).hasText("Models.generate_content · gemini-2.5-pro");
        assertThat(details.locator(".exception-headline")).containsText("429 RESOURCE_EXHAUSTED");
        assertThat(page.locator("#span-tree .span-name[title='Models.generate_content · gemini-2.5-pro']")).isVisible();
        assertThat(page.locator("#span-tree .span-name[title='Models.generate_content · gemini-2.5-flash-lite #1']"))
                .isVisible();
        assertThat(page.locator("#span-tree .span-name[title='Models.generate_content · gemini-2.5-flash-lite #2']"))
                .isVisible();
        assertThat(page).hasURL(Pattern.compile("traces/[^?]+$"));   // opening selects without rewriting the link
        screenshot("span-page-gemini-error-1440");

        // the arrow keys move the selection: from the failed call down to the fallback
        page.locator("#span-tree vaadin-badge", new com.microsoft.playwright.Page.LocatorOptions().setHasText("ERROR"))
                .click();
        page.keyboard().press("ArrowDown");
        assertThat(details.locator(".span-title")).hasText("Models.generate_content · gemini-2.5-flash-lite #1");
        assertThat(details.locator(".span-meta")).containsText("OK");
        assertThat(page).hasURL(Pattern.compile("\\?span="));
        assertThat(details.locator("#tab-chat")).isVisible();
        details.locator("#tab-chat").click();
        assertThat(details.locator(".chat-role").first()).hasText("system");
        assertThat(details.locator(".chat-content").last()).containsText("search_flights");

        // the tab strip fits the details pane
        Object overflow = details.locator("vaadin-tabs").first()
                .evaluate("t => { const s = t.shadowRoot.querySelector('[part=tabs]') || t; "
                        + "return s.scrollWidth - s.clientWidth; }");
        assertThat(((Number) overflow).intValue()).as("tab strip overflow in px").isLessThanOrEqualTo(0);
        noSidewaysScrolling();
        screenshot("span-page-gemini-chat-1440");
    }

    @Test
    void a_gemini_turn_on_a_phone_stacks_the_tree_above_the_details() {
        context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        page.setViewportSize(400, 900);
        open(traceOf("3", "trip-planner-6b1d2e", 2));
        assertThat(page.locator("vaadin-split-layout.trace-split")).hasAttribute("data-stacked", "true");
        assertThat(page.locator("#span-details .span-title")).hasText("Models.generate_content · gemini-2.5-pro");
        noSidewaysScrolling();
        screenshot("span-page-gemini-400-dark");
    }
}
