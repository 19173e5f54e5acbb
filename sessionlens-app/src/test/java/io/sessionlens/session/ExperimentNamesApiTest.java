package io.sessionlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Http;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Experiment names: read from an imported MLflow experiments answer, set by the analyst, listed by the API. */
class ExperimentNamesApiTest extends AppTestBase {

    static String name(Http http, String experimentId) {
        for (JsonNode e : http.get("/api/experiments").json())
            if (e.get("experimentId").asString().equals(experimentId))
                return e.get("name").isNull() ? null : e.get("name").asString();
        return "not listed";
    }

    @Test
    void an_imported_experiments_answer_names_experiments_and_the_analysts_name_wins() {
        var http = new Http(baseUrl());
        String a = "9" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String b = "8" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        var search = http.postJson("/api/imports", """
                {"experiments": [
                  {"experiment_id": "%s", "name": "/Users/ana/bank-support", "lifecycle_stage": "active",
                   "tags": [{"key": "mlflow.experimentKind", "value": "genai_development"}]},
                  {"experiment_id": "%s", "name": "docs-assistant", "lifecycle_stage": "active"}],
                 "next_page_token": null}""".formatted(a, b));
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().at("/files/0/experimentsNamed").asInt()).isEqualTo(2);
        assertThat(name(http, a)).isEqualTo("/Users/ana/bank-support");
        assertThat(name(http, b)).isEqualTo("docs-assistant");

        assertThat(http.putJson("/api/experiments/" + a + "/name", "{\"name\": \"Bank support bot\"}").json()
                .get("name").asString()).isEqualTo("Bank support bot");
        // a later experiments/get answer updates the export's name, never the analyst's
        http.postJson("/api/imports",
                "{\"experiment\": {\"experiment_id\": \"%s\", \"name\": \"renamed\"}}".formatted(a));
        http.postJson("/api/imports",
                "{\"experiment\": {\"experiment_id\": \"%s\", \"name\": \"docs v2\"}}".formatted(b));
        assertThat(name(http, a)).isEqualTo("Bank support bot");
        assertThat(name(http, b)).isEqualTo("docs v2");

        assertThat(http.putJson("/api/experiments/" + a + "/name", "{\"name\": \"\"}").json().get("name").isNull())
                .isTrue();
        assertThat(name(http, a)).as("a blank name removes it").isEqualTo("not listed");
        assertThat(http.putJson("/api/experiments/" + a + "/name", "{\"name\": \"" + "x".repeat(401) + "\"}").status())
                .isEqualTo(400);
    }
}
