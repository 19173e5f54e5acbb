package io.sessionlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An analyst tells SessionLens how this experiment's turns are shaped and which judge values are failures. */
class ExperimentSettingsApiTest extends AppTestBase {

    static final String TRACE = """
            {"info": {"trace_id": "tr-000000000000000000000000000f0001", "trace_location": {"type": "MLFLOW_EXPERIMENT",
              "mlflow_experiment": {"experiment_id": "exp-settings"}}, "request_time": "2026-02-01T10:00:00Z", "state": "OK",
              "trace_metadata": {"mlflow.trace.session": "s-settings"},
              "assessments": [{"assessment_id": "a-1", "assessment_name": "tone", "trace_id": "tr-000000000000000000000000000f0001",
                "source": {"source_type": "LLM_JUDGE", "source_id": "judge"}, "feedback": {"value": "curt"},
                "rationale": "The reply is short and dismissive."}],
              "execution_duration_ms": 900},
             "data": {"spans": [
              {"trace_id": "AAAAAAAAAAAAAAAAAAAPAAE=", "span_id": "AAAAAAAAAAE=", "parent_span_id": null, "name": "handle_ticket",
               "start_time_unix_nano": 1769940000000000000, "end_time_unix_nano": 1769940000900000000, "events": [],
               "status": {"code": "STATUS_CODE_OK", "message": ""},
               "attributes": {"mlflow.spanType": "\\"CHAIN\\"",
                 "mlflow.spanInputs": "{\\"ticket_body\\": \\"My printer prints blank pages\\", \\"priority\\": 3}",
                 "mlflow.spanOutputs": "{\\"agent_reply\\": \\"Replace the toner.\\", \\"latency\\": 12}"}}]}}
            """;

    @Test
    void a_turn_mapping_and_a_polarity_override_change_the_next_analysis() throws Exception {
        var http = new Http(baseUrl());
        assertThat(http.postJson("/api/imports", TRACE).status()).isEqualTo(200);
        JsonNode before = http.get("/api/sessions/s-settings?experimentId=exp-settings").json();
        assertThat(before.at("/turns/0/userText").asString()).doesNotStartWith("My printer");
        assertThat(before.at("/turns/0/assessments/0/verdict").asString()).isEqualTo("UNKNOWN");
        assertThat(before.get("rootCause").isNull()).isTrue();

        String body = """
                {"mappings": [{"spanName": "handle_ticket", "inputKey": "ticket_body", "outputKey": "agent_reply"}],
                 "failingValues": {"tone": ["curt", "rude"]}}""";
        var put = http.putJson("/api/experiments/exp-settings/settings", body);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("reanalysedSessions").asInt()).isEqualTo(1);

        JsonNode after = http.get("/api/sessions/s-settings?experimentId=exp-settings").json();
        assertThat(after.at("/turns/0/userText").asString()).isEqualTo("My printer prints blank pages");
        assertThat(after.at("/turns/0/assistantText").asString()).isEqualTo("Replace the toner.");
        assertThat(after.at("/turns/0/readFrom/source").asString()).contains("analyst mapping");
        assertThat(after.at("/turns/0/assessments/0/verdict").asString()).isEqualTo("FAIL");
        assertThat(after.at("/rootCause/turn").asInt()).isEqualTo(1);
        assertThat(http.get("/api/experiments/exp-settings/settings").json().at("/mappings/0/inputKey").asString())
                .isEqualTo("ticket_body");
    }
}
