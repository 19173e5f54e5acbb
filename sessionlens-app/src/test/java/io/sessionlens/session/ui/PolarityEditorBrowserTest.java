package io.sessionlens.session.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import org.junit.jupiter.api.Test;

/** A custom judge says "curt"; the analyst tells SessionLens that this is a failure, and the session's verdict follows. */
class PolarityEditorBrowserTest extends BrowserTestBase {
    static final String TRACE = Fixtures.trace("tr-000000000000000000000000000e0001", "exp-polarity", "s-polarity",
            "2026-05-01T10:00:00Z", "u-polarity", "My order never arrived.", "Wait longer.",
            """
                    {"assessment_id": "a-p1", "assessment_name": "tone", "trace_id": "tr-000000000000000000000000000e0001",
                     "source": {"source_type": "LLM_JUDGE", "source_id": "judge"}, "feedback": {"value": "curt"},
                     "rationale": "The reply is short and dismissive."}""");

    @Test
    void the_analyst_marks_a_custom_judge_value_as_a_failure_and_the_session_is_re_judged() {
        assertThat(new Http(baseUrl()).postJson("/api/imports", TRACE).status()).isEqualTo(200);
        page.navigate(baseUrl() + "/sessions/exp-polarity/s-polarity");
        waitForVaadin();
        assertThat(page.locator("#root-cause")).containsText("No evidence of a failure");

        page.getByText("Which judge values are failures?").click();
        var field = page.locator("#polarity-editor vaadin-text-field").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("tone"));
        assertThat(field).containsText("curt (unrated)");   // what the built-in rule makes of it today
        field.locator("input").fill("curt, rude");
        screenshot("polarity-editor");
        page.locator("#polarity-save").click();
        // the whole experiment is re-analysed for everyone: the confirmation says how much
        assertThat(page.locator("#reanalyse-confirm")).containsText("Re-analyse 1 session?");
        screenshot("polarity-confirm");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save and re-analyse 1 session")).click();

        assertThat(page.locator("#root-cause")).containsText("Turn 1");
        assertThat(page.locator("#root-cause")).containsText("tone");
        var saved = new Http(baseUrl()).get("/api/experiments/exp-polarity/settings").json().at("/failingValues/tone");
        assertThat(saved.valueStream().map(v -> v.asString()).toList()).containsExactlyInAnyOrder("curt", "rude");
        screenshot("polarity-applied");
    }
}
