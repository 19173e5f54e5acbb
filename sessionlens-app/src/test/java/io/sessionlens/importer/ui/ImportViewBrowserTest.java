package io.sessionlens.importer.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import io.sessionlens.support.BrowserTestBase;
import io.sessionlens.support.Fixtures;
import org.junit.jupiter.api.Test;

/** An analyst uploads MLflow exports in the browser and sees a result per file. */
class ImportViewBrowserTest extends BrowserTestBase {

    @Test
    void uploading_a_good_and_a_broken_file_shows_a_result_for_each() {
        page.navigate(baseUrl() + "/import");
        waitForVaadin();
        page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload[]{
                new FilePayload("mlflow34-trace.json", "application/json",
                        Fixtures.bytes("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json")),
                new FilePayload("truncated.json", "application/json", "{\"info\": {\"trace_id\": \"tr-".getBytes())});
        var good = page.locator(".import-result[data-file='mlflow34-trace.json']");
        var bad = page.locator(".import-result[data-file='truncated.json']");
        assertThat(good).containsText("1 trace stored: 1 new");
        assertThat(bad).containsText("nothing imported");
        assertThat(bad).containsText("truncated.json");
        screenshot("import-view");
    }
}
