package io.sessionlens.importer.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * An analyst uploads MLflow exports in the browser: each file's colour says how it went, a good file links to its
 * sessions, the batch has a total, a picture is named as one; past imports can be deleted, with a confirmation.
 */
class ImportViewBrowserTest extends BrowserTestBase {

    static String traceId() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return "tr-" + HexFormat.of().formatHex(b);
    }

    static String line(String exp, String session, String time) {
        return Fixtures.trace(traceId(), exp, session, time, "ana", "question at " + time, "answer", "")
                .replace("\n", " ") + "\n";
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
            0, 1, 0};

    private void resize(int width) {
        page.setViewportSize(width, 900);
    }

    private void dark() {
        context.addInitScript("localStorage.setItem('sessionlens-theme', 'dark')");
    }

    /** The colour a Lumo custom property resolves to on this page, as getComputedStyle reports colours. */
    private String lumoColor(String property) {
        return (String) page.evaluate("p => { const d = document.createElement('div'); d.style.color = `var(${p})`;"
                + " document.body.appendChild(d); const c = getComputedStyle(d).color; d.remove(); return c; }",
                property);
    }

    private String borderColor(Locator box) {
        return (String) box.evaluate("e => getComputedStyle(e).borderLeftColor");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 768, 1440})
    void each_file_shows_the_colour_of_its_result_links_its_session_and_the_batch_has_a_total(int width) {
        String exp = "exp-upload-" + width + "-" + UUID.randomUUID().toString().substring(0, 8);
        String good = line(exp, "s-good-" + width, "2025-11-06T10:00:00Z")
                + line(exp, "s-good-" + width, "2025-11-06T10:01:00Z");
        String partial = line(exp, "s-partial-" + width, "2025-11-06T11:00:00Z") + "{\"info\": broken\n";
        if (width == 1440) dark();
        resize(width);
        page.navigate(baseUrl() + "/import");
        waitForVaadin();
        page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload[]{
                new FilePayload("good.jsonl", "application/json", good.getBytes(StandardCharsets.UTF_8)),
                new FilePayload("empty.json", "application/json", new byte[0]),
                new FilePayload("screenshot.png", "image/png", PNG),
                new FilePayload("partial.jsonl", "application/json", partial.getBytes(StandardCharsets.UTF_8))});

        var goodBox = page.locator(".import-result[data-file='good.jsonl']");
        var emptyBox = page.locator(".import-result[data-file='empty.json']");
        var pngBox = page.locator(".import-result[data-file='screenshot.png']");
        var partialBox = page.locator(".import-result[data-file='partial.jsonl']");
        assertThat(goodBox).hasAttribute("data-status", "success");
        assertThat(goodBox).containsText("2 traces stored: 2 new");
        assertThat(emptyBox).hasAttribute("data-status", "error");
        assertThat(emptyBox).containsText("nothing imported");
        assertThat(emptyBox).containsText("empty file");
        assertThat(pngBox).hasAttribute("data-status", "error");
        assertThat(pngBox).containsText("this is a PNG image, not an MLflow export");
        assertThat(pngBox).not().containsText("CTRL-CHAR");
        assertThat(partialBox).hasAttribute("data-status", "warning");
        assertThat(partialBox).containsText("1 trace not stored");
        assertThat(partialBox).containsText("line 2");

        assertThat(borderColor(goodBox)).isEqualTo(lumoColor("--lumo-success-color"));
        assertThat(borderColor(emptyBox)).isEqualTo(lumoColor("--lumo-error-color"));
        assertThat(borderColor(pngBox)).isEqualTo(lumoColor("--lumo-error-color"));
        assertThat(borderColor(partialBox)).isNotEqualTo(borderColor(goodBox)).isNotEqualTo(borderColor(pngBox));
        assertThat(goodBox.locator(".import-status"))
                .hasClass(java.util.regex.Pattern.compile("import-status--success"));
        assertThat(pngBox.locator(".import-status")).hasClass(java.util.regex.Pattern.compile("import-status--error"));
        assertThat(partialBox.locator(".import-status"))
                .hasClass(java.util.regex.Pattern.compile("import-status--warning"));
        // the upload's own list ticks every file it sent; it is cleared, the results say how each went
        assertThat(page.locator("vaadin-upload vaadin-upload-file")).hasCount(0);

        var total = page.locator("#import-total");
        assertThat(total).containsText("This batch: 4 files (2 imported nothing)");
        assertThat(total).containsText("traces: 3 new, 0 updated, 0 unchanged, 1 rejected");
        assertThat(total).containsText("2 sessions");
        // nothing wider than the screen
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at " + width + " px").isTrue();
        screenshotsLightAndDark("import-results-" + width);

        goodBox.locator("a.import-session-link").click();
        page.waitForURL("**/sessions/" + exp + "/s-good-" + width);
        waitForVaadin();
        assertThat(page.locator(".sl-session-title")).hasText("s-good-" + width);
    }

    @Test
    void a_file_with_many_sessions_links_the_sessions_list_of_its_experiment() {
        String exp = "exp-many-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 7; i++) file.append(line(exp, "s-" + i, "2025-11-07T10:0" + i + ":00Z"));
        page.navigate(baseUrl() + "/import");
        waitForVaadin();
        page.locator("vaadin-upload input[type=file]").setInputFiles(
                new FilePayload("seven.jsonl", "application/json", file.toString().getBytes(StandardCharsets.UTF_8)));
        var link = page.locator(".import-result[data-file='seven.jsonl'] a.import-experiment-link");
        assertThat(link).hasText("7 in " + exp);
        link.click();
        page.waitForURL("**/sessions?experiment=" + exp + "**");
        waitForVaadin();
        assertThat(page.locator("#sessions-total")).hasText("7 sessions");
    }

    @Test
    void a_big_file_shows_how_many_traces_the_server_has_read() {
        String exp = "exp-big-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            file.append("{\"info\": {\"trace_id\": \"").append(traceId()).append("\", \"trace_location\": {\"type\":"
                    + " \"MLFLOW_EXPERIMENT\", \"mlflow_experiment\": {\"experiment_id\": \"").append(exp)
                    .append("\"}}, \"request_time\": \"2025-11-08T10:00:00Z\", \"state\": \"OK\", \"trace_metadata\":"
                            + " {\"mlflow.trace.session\": \"s-")
                    .append(i / 20).append("\"}}, \"data\": {\"spans\": []}}\n");
        }
        page.navigate(baseUrl() + "/import");
        waitForVaadin();
        page.locator("vaadin-upload input[type=file]").setInputFiles(
                new FilePayload("big.jsonl", "application/json", file.toString().getBytes(StandardCharsets.UTF_8)));
        var progress = page.locator("#import-progress");
        assertThat(progress).containsText("traces read",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(progress).containsText("Importing big.jsonl");
        screenshot("import-progress");
        assertThat(page.locator(".import-result[data-file='big.jsonl']")).containsText("30,000 traces stored",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        assertThat(progress).isHidden();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 768, 1440})
    void a_past_import_is_deleted_after_a_confirmation_that_names_what_goes(int width) {
        var http = new Http(baseUrl());
        String exp = "exp-del-import-" + width + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode r = http.post("/api/imports",
                (line(exp, "s-a", "2025-11-09T10:00:00Z") + line(exp, "s-a", "2025-11-09T10:01:00Z")
                        + line(exp, "s-b", "2025-11-09T11:00:00Z")).getBytes(StandardCharsets.UTF_8),
                "application/json").json();
        long id = r.get("importId").asLong();
        if (width == 768) dark();
        resize(width);
        page.navigate(baseUrl() + "/import");
        waitForVaadin();
        var row = page.locator(".import-history-row[data-import='" + id + "']");
        assertThat(row).containsText("3 new, 0 updated, 0 unchanged, 0 rejected");
        assertThat(row).containsText("2 sessions");
        row.locator(".import-history-delete").click();
        var dialog = page.locator("vaadin-confirm-dialog-overlay, #confirm-delete-import").last();
        assertThat(page.getByText("This deletes 3 traces in 2 sessions")).isVisible();
        page.waitForTimeout(600);   // the dialog's opening animation
        screenshotsLightAndDark("import-delete-confirm-" + width);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Delete import").setExact(true)).click();
        assertThat(row).hasCount(0);
        assertThat(dialog).isHidden();
        assertThat(http.get("/api/sessions?experimentId=" + exp).json().get("total").asInt()).isZero();
    }

    @Test
    void cancelling_the_confirmation_keeps_the_import() {
        var http = new Http(baseUrl());
        String exp = "exp-keep-import-" + UUID.randomUUID().toString().substring(0, 8);
        long id = http.post("/api/imports", line(exp, "s-k", "2025-11-09T12:00:00Z").getBytes(StandardCharsets.UTF_8),
                "application/json").json().get("importId").asLong();
        page.navigate(baseUrl() + "/import");
        waitForVaadin();
        var row = page.locator(".import-history-row[data-import='" + id + "']");
        row.locator(".import-history-delete").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Keep it").setExact(true)).click();
        waitForVaadin();
        assertThat(row).hasCount(1);
        assertThat(http.get("/api/sessions?experimentId=" + exp).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void the_browsers_dark_preference_is_the_theme_until_the_analyst_chooses_one_and_the_page_has_a_favicon() {
        List<String> missing = new ArrayList<>();
        try (var ctx = browser.newContext(signedIn(role()).setColorScheme(ColorScheme.DARK))) {
            var p = ctx.newPage();
            p.onResponse(resp -> {
                if (resp.status() >= 400) missing.add(resp.status() + " " + resp.url());
            });
            p.navigate(baseUrl() + "/import");
            p.waitForFunction("() => document.documentElement.getAttribute('theme') === 'dark'");
            assertThat(p.locator("link[rel=icon]")).hasAttribute("href", "favicon.svg");
            p.locator("#theme-toggle").click();   // the analyst chooses light: it sticks
            p.waitForFunction("() => document.documentElement.getAttribute('theme') !== 'dark'");
            p.reload();
            p.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                    + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
            assertThat(p.evaluate("() => document.documentElement.getAttribute('theme')")).isNull();
        }
        try (var ctx = browser.newContext(signedIn(role()).setColorScheme(ColorScheme.LIGHT))) {
            var p = ctx.newPage();
            p.navigate(baseUrl() + "/import");
            p.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                    + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
            assertThat(p.evaluate("() => document.documentElement.getAttribute('theme')")).isNull();
        }
        assertThat(missing).as("no request of the page failed (a missing favicon would)").isEmpty();
    }

    /** The same view in both themes, to be looked at. */
    private void screenshotsLightAndDark(String name) {
        page.evaluate("() => document.documentElement.removeAttribute('theme')");
        screenshot(name + "-light");
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        screenshot(name + "-dark");
    }
}
