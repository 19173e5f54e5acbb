package io.sessionlens.annotation.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.sessionlens.base.security.Role;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.session.web.VerdictApiTest;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Http;
import io.sessionlens.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #12 in real Chromium: an analyst annotates a turn (label from the experiment's schema, Markdown note rendered
 * safely) and the session; the list counts them; two browsers editing one annotation meet a conflict dialog that shows
 * both and loses nothing; a teammate's new annotation appears on an open page without reload; a span is annotated on
 * the trace page and marked in the tree; a manager edits the label schemas; a viewer sees no write controls.
 */
class AnnotationBrowserTest extends BrowserTestBase {
    static final String EXP = "exp-annot-ui";
    @Autowired SessionAnalysisWorker worker;

    void imported(String session, String hex) throws Exception {
        var http = new Http(baseUrl());
        assertThat(http.postJson("/api/imports", VerdictApiTest.session(EXP, session, hex, "Yes, it is.")).status())
                .isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
        if (http.get("/api/experiments/" + EXP + "/label-schemas").json().get("labelSchemas").isEmpty()) {
            http.postJson("/api/experiments/" + EXP + "/label-schemas", """
                    {"name": "failure_kind", "title": "Failure kind", "type": "categorical",
                     "options": ["wrong retrieval", "ignored constraint", "tool error"],
                     "instructions": "What went wrong in this turn, in one word."}""");
            http.postJson("/api/experiments/" + EXP + "/label-schemas", """
                    {"name": "helpfulness", "title": "Helpfulness", "type": "numeric", "min": 1, "max": 5,
                     "target": "turn"}""");
        }
    }

    void open(Page p, String session) {
        p.navigate(baseUrl() + "/sessions/" + EXP + "/" + session);
        p.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    static void pick(Page p, String selectId, String item) {
        p.locator("#" + selectId).click();
        p.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }

    static void annotateTurn(Page p, int turn, String label, String value, String note) {
        p.locator("#turn-" + turn + "-annotations .sl-annotate").click();
        if (label != null) {
            pick(p, "annotation-label", label);
            pick(p, "annotation-value", value);
        }
        p.locator("#annotation-note textarea").fill(note);
        p.locator("#annotation-save").click();
    }

    @Test
    void an_analyst_annotates_a_turn_and_the_session_and_sees_them_everywhere() throws Exception {
        imported("s-ui-a1", "00000000000000000000c0a1");
        openAs(Role.ANALYST);
        open(page, "s-ui-a1");

        annotateTurn(page, 3, "Failure kind", "ignored constraint",
                "The **budget** from turn 1 was ignored. <script>alert(1)</script><img src=x onerror=alert(2)>");

        Locator turn3 = page.locator("#turn-3-annotations");
        assertThat(turn3.locator(".sl-annotation")).hasCount(1);
        assertThat(turn3.locator(".sl-annotation-label")).hasText("failure_kind: ignored constraint");
        assertThat(turn3.locator(".sl-annotation-note strong")).hasText("budget");
        assertThat(turn3.locator(".sl-annotation-note script")).hasCount(0);
        assertThat(turn3.locator(".sl-annotation-note img")).hasCount(0);
        assertThat(turn3.locator(".sl-annotation-meta")).containsText(TestUsers.of(Role.ANALYST).username());

        // a value the schema does not allow is named in the dialog, which keeps what was typed
        page.locator("#turn-2-annotations .sl-annotate").click();
        pick(page, "annotation-label", "Helpfulness");
        page.locator("#annotation-value input").fill("9");
        page.locator("#annotation-note textarea").fill("Very helpful?");
        page.locator("#annotation-save").click();
        assertThat(page.locator("#annotation-error")).containsText("9 is outside label helpfulness's range (1 to 5)");
        page.locator("#annotation-value input").fill("4");
        page.locator("#annotation-save").click();
        assertThat(page.locator("#turn-2-annotations .sl-annotation-label")).hasText("helpfulness: 4");

        page.locator("#annotate-session").click();
        page.locator("#annotation-note textarea").fill("The bot never asked what the laptop is *for*.");
        page.locator("#annotation-save").click();
        assertThat(page.locator("#session-annotations .sl-annotation")).hasCount(1);
        assertThat(page.locator("#annotation-summary")).hasText("1 on the session, 2 on turns and spans");
        assertThat(page.locator("#annotation-note")).hasCount(0);
        page.locator("#turn-3").scrollIntoViewIfNeeded();
        screenshot("annotated-session-1440");

        page.navigate(baseUrl() + "/?experiment=" + EXP + "&q=s-ui-a1");
        assertThat(page.locator("vaadin-grid-cell-content .sl-annotated")).hasText("3");
        screenshot("annotated-list-1440");
        String md = new Http(baseUrl()).get("/api/sessions/s-ui-a1/transcript.md?experimentId=" + EXP).body();
        assertThat(md).contains("## Annotations", "The bot never asked what the laptop is *for*.",
                "**failure_kind** = ignored constraint", "> The **budget** from turn 1 was ignored.",
                "**helpfulness** = 4");
        assertThat(md.indexOf("**failure_kind** = ignored constraint")).isGreaterThan(md.indexOf("## Turn 3"));

        page.setViewportSize(400, 900);
        context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        open(page, "s-ui-a1");
        page.locator("#turn-3-annotations").scrollIntoViewIfNeeded();
        assertThat(page.locator("#turn-3-annotations .sl-annotation")).isVisible();
        screenshot("annotated-session-400-dark");
        page.navigate(baseUrl() + "/?experiment=" + EXP + "&q=s-ui-a1");
        assertThat(page.locator("vaadin-grid-cell-content .sl-annotated")).isVisible();
        screenshot("annotated-list-400-dark");
    }

    @Test
    void two_browsers_edit_one_annotation_a_conflict_dialog_shows_both_and_loses_nothing() throws Exception {
        imported("s-ui-a2", "00000000000000000000c0a2");
        openAs(Role.ANALYST);
        open(page, "s-ui-a2");
        annotateTurn(page, 1, "Failure kind", "wrong retrieval", "First thought: the retrieval.");
        Locator mine = page.locator("#turn-1-annotations .sl-annotation").first();
        mine.locator(".sl-annotation-edit").click();   // this analyst starts editing
        page.locator("#annotation-note textarea").fill("My second look: the budget was ignored.");

        try (BrowserContext colleague = browser.newContext(signedIn(Role.MANAGER))) {
            Page theirs = colleague.newPage();
            theirs.setDefaultTimeout(20_000);
            open(theirs, "s-ui-a2");
            theirs.locator("#turn-1-annotations .sl-annotation-edit").click();
            pick(theirs, "annotation-value", "tool error");
            theirs.locator("#annotation-note textarea").fill("Manager: it was the tool error.");
            theirs.locator("#annotation-save").click();
            assertThat(theirs.locator("#turn-1-annotations .sl-annotation-label")).hasText("failure_kind: tool error");
        }

        page.locator("#annotation-save").click();
        assertThat(page.locator(".sl-conflict-sides")).isVisible();
        assertThat(page.locator("#conflict-theirs")).containsText("Manager: it was the tool error.");
        assertThat(page.locator("#conflict-theirs")).containsText("failure_kind: tool error");
        assertThat(page.locator("#conflict-yours textarea")).hasValue("My second look: the budget was ignored.");
        assertThat(page.locator("#conflict-yours")).containsText("failure_kind: wrong retrieval");
        screenshot("annotation-conflict-1440");

        page.locator("#annotation-conflict-mine").click();   // mine over theirs: theirs stays in the history
        Locator item = page.locator("#turn-1-annotations .sl-annotation").first();
        assertThat(item.locator(".sl-annotation-note")).hasText("My second look: the budget was ignored.");
        item.locator(".sl-annotation-edited").click();
        assertThat(page.locator("#annotation-history")).containsText("Manager: it was the tool error.");
        assertThat(page.locator("#annotation-history")).containsText("First thought: the retrieval.");
        page.locator("#annotation-history .sl-annotation-restore").first().click();   // theirs again
        assertThat(item.locator(".sl-annotation-note")).hasText("Manager: it was the tool error.");
        assertThat(item.locator(".sl-annotation-label")).hasText("failure_kind: tool error");

        page.setViewportSize(400, 900);
        context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        open(page, "s-ui-a2");
        page.locator("#turn-1-annotations .sl-annotation-edit").click();
        page.locator("#annotation-note textarea").fill("Another try");
        new Http(baseUrl()).as(Role.MANAGER).putJson("/api/annotations/" + annotationId(item),
                "{\"label\": \"failure_kind\", \"value\": \"wrong retrieval\", \"note\": \"Changed through the API.\"}");
        page.locator("#annotation-save").click();
        assertThat(page.locator(".sl-conflict-sides")).isVisible();
        screenshot("annotation-conflict-400-dark");
        page.locator("#annotation-conflict-theirs").click();
        assertThat(page.locator("#turn-1-annotations .sl-annotation-note").first()).hasText("Changed through the API.");
    }

    static long annotationId(Locator item) {
        return Long.parseLong(item.getAttribute("id").substring("annotation-".length()));
    }

    @Test
    void a_teammates_new_annotation_appears_on_an_open_page_without_a_reload() throws Exception {
        imported("s-ui-a3", "00000000000000000000c0a3");
        open(page, "s-ui-a3");
        assertThat(page.locator("#turn-2-annotations .sl-annotation")).hasCount(0);
        page.evaluate("window.__stillTheSamePage = true");

        try (BrowserContext teammate = browser.newContext(signedIn(Role.ANALYST))) {
            Page theirs = teammate.newPage();
            theirs.setDefaultTimeout(20_000);
            open(theirs, "s-ui-a3");
            annotateTurn(theirs, 2, null, null, "Seen by a teammate: the pick ignores the budget.");
            assertThat(theirs.locator("#turn-2-annotations .sl-annotation")).hasCount(1);
        }

        assertThat(page.locator("#turn-2-annotations .sl-annotation-note"))
                .hasText("Seen by a teammate: the pick ignores the budget.");
        assertThat(page.locator("#annotation-summary")).hasText("0 on the session, 1 on turns and spans");
        assertThat(page.evaluate("window.__stillTheSamePage === true")).as("the page was not reloaded")
                .isEqualTo(Boolean.TRUE);
    }

    @Test
    void a_span_is_annotated_on_the_trace_page_and_marked_in_the_tree() throws Exception {
        imported("s-ui-a4", "00000000000000000000c0a4");
        openAs(Role.ANALYST);
        String trace = "tr-00000000000000000000c0a400000002";
        page.navigate(baseUrl() + "/traces/" + trace + "?span=0000000000000002");
        assertThat(page.locator("#span-details .span-title")).isVisible();
        page.locator("#span-annotations .sl-annotate").click();
        pick(page, "annotation-label", "Failure kind");
        pick(page, "annotation-value", "wrong retrieval");
        page.locator("#annotation-note textarea").fill("This **model call** picked the laptop over budget.");
        page.locator("#annotation-save").click();

        assertThat(page.locator("#span-annotations .sl-annotation-label")).hasText("failure_kind: wrong retrieval");
        assertThat(page.locator("#span-tree .span-annotated:not([hidden])")).hasCount(1);
        assertThat(page.locator("#annotation-note")).hasCount(0);   // the dialog has closed
        screenshot("annotated-span-1440");

        open(page, "s-ui-a4");
        assertThat(page.locator("#turn-2-annotations .sl-annotation-on")).hasText("on span 0000000000000002");
        page.setViewportSize(400, 900);
        context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        page.navigate(baseUrl() + "/traces/" + trace + "?span=0000000000000002");
        assertThat(page.locator("#span-annotations .sl-annotation")).isVisible();
        page.locator("#span-annotations").scrollIntoViewIfNeeded();
        screenshot("annotated-span-400-dark");
    }

    @Test
    void a_manager_edits_the_label_schemas_and_a_viewer_only_reads() throws Exception {
        imported("s-ui-a5", "00000000000000000000c0a5");
        openAs(Role.MANAGER);
        open(page, "s-ui-a5");
        page.locator("#label-schemas vaadin-details-summary, #label-schemas [slot=summary]").first().click();
        assertThat(page.locator("#label-schemas .sl-label-schema")).hasCount(2);
        page.locator("#label-schema-add").click();
        page.locator("#label-schema-name input").fill("tone");
        page.locator("#label-schema-title input").fill("Tone of the reply");
        page.locator("#label-schema-options textarea").fill("friendly\ncurt\nrude");
        page.locator("#label-schema-instructions textarea").fill("How the assistant sounded.");
        screenshot("label-schema-editor-1440");
        page.locator("#label-schema-save").click();
        assertThat(page.locator("#label-schemas .sl-label-schema[data-name=tone]"))
                .containsText("one of friendly, curt, rude");

        page.locator("#label-schemas .sl-label-schema[data-name=tone] .sl-label-schema-edit").click();
        page.locator("#label-schema-options textarea").fill("friendly\n\ncurt\nFriendly");
        page.locator("#label-schema-save").click();
        assertThat(page.locator("#label-schema-error")).hasText("the option \"Friendly\" is there twice");
        page.locator("#label-schema-options textarea").fill("friendly\ncurt");
        page.locator("#label-schema-save").click();
        // "one of friendly, curt" is also the start of the text before the save: wait for "rude" to go
        assertThat(page.locator("#label-schemas .sl-label-schema[data-name=tone]")).not().containsText("rude");
        assertThat(page.locator("#label-schemas .sl-label-schema[data-name=tone]"))
                .containsText("one of friendly, curt");
        var audit = new Http(baseUrl())
                .get("/api/audit?kind=label-schema&user=" + TestUsers.of(Role.MANAGER).username())
                .json();
        assertThat(audit.get("total").asInt()).isGreaterThanOrEqualTo(2);

        page.setViewportSize(400, 900);
        context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
        open(page, "s-ui-a5");
        page.locator(".sl-panel-toggle").click();
        page.locator("#label-schemas vaadin-details-summary, #label-schemas [slot=summary]").first().click();
        page.locator("#label-schemas .sl-label-schema[data-name=tone] .sl-label-schema-edit").click();
        assertThat(page.locator(".sl-label-schema-form")).isVisible();
        screenshot("label-schema-editor-400-dark");

        openAs(Role.VIEWER);
        open(page, "s-ui-a5");
        assertThat(page.locator("#session-annotations")).isVisible();
        assertThat(page.locator(".sl-annotate")).hasCount(0);
        assertThat(page.locator("#label-schema-add")).hasCount(0);
        assertThat(page.locator("#turn-1-annotations")).isHidden();
    }
}
