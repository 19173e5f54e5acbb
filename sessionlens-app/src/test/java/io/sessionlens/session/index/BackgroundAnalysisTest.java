package io.sessionlens.session.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An import answers once its traces are stored and its sessions listed; the analysis (texts, judges, root cause)
 * follows on a background thread, and a session opened before that is analysed on the spot.
 */
public class BackgroundAnalysisTest extends AppTestBase {
    @Autowired SessionAnalysisWorker worker;
    @Autowired JdbcTemplate jdbc;

    /** One turn whose built-in yes/no judge failed: after analysis it is the session's root cause. */
    public static String trace(String experiment, String session, String traceHex) {
        String judge = """
                {"assessment_id": "a-%s", "assessment_name": "correctness", "trace_id": "tr-%s",
                 "source": {"source_type": "LLM_JUDGE", "source_id": "judge"}, "feedback": {"value": "no"},
                 "rationale": "The family plan quoted does not exist."}""".formatted(traceHex, traceHex);
        return Fixtures.trace("tr-" + traceHex, experiment, session, "2026-03-01T10:00:00Z", "u-bg",
                "Which plan fits a family of four?", "Take the Family Max plan.", judge);
    }

    @AfterEach
    void workerRuns() {
        if (!worker.isRunning()) worker.start();
    }

    @Test
    void an_imported_session_is_listed_at_once_and_analysed_in_the_background() throws Exception {
        var http = new Http(baseUrl());
        worker.stop();   // hold the analysis back, so the moment between the import's answer and the analysis is visible
        assertThat(
                http.postJson("/api/imports", trace("exp-bg-1", "s-bg-1", "00000000000000000000000000bb0001")).status())
                .isEqualTo(200);

        JsonNode listed = http.get("/api/sessions?experimentId=exp-bg-1").json().at("/items/0");
        assertThat(listed.get("sessionId").asString()).isEqualTo("s-bg-1");
        assertThat(listed.get("turnCount").asInt()).isEqualTo(1);
        assertThat(listed.get("analysed").asBoolean()).isFalse();
        assertThat(listed.get("rootCauseTurn").isNull()).isTrue();
        assertThat(listed.get("firstInput").asString()).as("the preview stands in until the analysis")
                .contains("family of four");

        worker.start();
        assertThat(worker.awaitIdle(Duration.ofSeconds(30))).isTrue();
        JsonNode analysed = http.get("/api/sessions?experimentId=exp-bg-1").json().at("/items/0");
        assertThat(analysed.get("analysed").asBoolean()).isTrue();
        assertThat(analysed.get("rootCauseTurn").asInt()).isEqualTo(1);
        assertThat(analysed.get("firstInput").asString()).isEqualTo("Which plan fits a family of four?");
        assertThat(analysed.get("lastOutput").asString()).isEqualTo("Take the Family Max plan.");
    }

    @Test
    void a_session_opened_before_its_analysis_is_analysed_on_the_spot() {
        var http = new Http(baseUrl());
        worker.stop();
        assertThat(
                http.postJson("/api/imports", trace("exp-bg-2", "s-bg-2", "00000000000000000000000000bb0002")).status())
                .isEqualTo(200);

        JsonNode doc = http.get("/api/sessions/s-bg-2?experimentId=exp-bg-2").json();
        assertThat(doc.at("/turns/0/userText").asString()).isEqualTo("Which plan fits a family of four?");
        assertThat(doc.at("/rootCause/turn").asInt()).isEqualTo(1);
        // the verdict's kind is one of the lower-case names, with a confidence and the candidates considered
        assertThat(doc.at("/rootCause/kind").asString()).isIn("tool_error", "outdated_retrieval", "hallucination",
                "context_loss", "other");
        assertThat(doc.at("/rootCause/confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(doc.at("/rootCause/candidates/0/turn").asInt()).isEqualTo(1);
        assertThat(doc.at("/turns/0/assessments/0/rationale").asString())
                .isEqualTo("The family plan quoted does not exist.");
        // and what was analysed for the reader is kept: the list no longer waits for it
        assertThat(http.get("/api/sessions?experimentId=exp-bg-2").json().at("/items/0/analysed").asBoolean()).isTrue();
    }

    @Test
    void sessions_analysed_by_an_older_analyser_version_are_redone() throws Exception {
        var http = new Http(baseUrl());
        assertThat(
                http.postJson("/api/imports", trace("exp-bg-3", "s-bg-3", "00000000000000000000000000bb0003")).status())
                .isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofSeconds(30))).isTrue();

        // what an upgrade finds: a row written by an earlier analyser, without today's fields
        jdbc.update("update session_index set analysis_version = 0, analysis_json = null, root_cause_turn = null"
                + " where experiment_id = 'exp-bg-3'");
        assertThat(http.get("/api/sessions?experimentId=exp-bg-3").json().at("/items/0/analysed").asBoolean())
                .isFalse();
        worker.wake();   // what a start does
        assertThat(worker.awaitIdle(Duration.ofSeconds(30))).isTrue();
        JsonNode redone = http.get("/api/sessions?experimentId=exp-bg-3").json().at("/items/0");
        assertThat(redone.get("analysed").asBoolean()).isTrue();
        assertThat(redone.get("rootCauseTurn").asInt()).isEqualTo(1);
    }
}
