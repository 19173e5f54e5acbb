package io.sessionlens.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.base.security.Role;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.session.web.VerdictApiTest;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Http;
import io.sessionlens.support.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12: the human assessments (labelled annotations, the reviewer's root-cause verdict) exported as MLflow
 * assessment JSON on whole traces: per-turn ones on their trace, span ones with span_id, session-level ones on the
 * first trace with mlflow.trace.session; HUMAN source and the reviewer's name. The file goes back through SessionLens's
 * own import, which then shows them as human assessments, and a second export of it is the same.
 */
class AssessmentExportTest extends AppTestBase {
    static final String EXP = "exp-annot-export";
    @Autowired SessionAnalysisWorker worker;

    @Test
    void labels_and_the_verdict_round_trip_through_the_import_as_human_assessments() throws Exception {
        var admin = new Http(baseUrl());
        var analyst = admin.as(Role.ANALYST);
        String analystName = TestUsers.of(Role.ANALYST).username();
        String hex = "00000000000000000000e0a1";
        String t1 = "tr-" + hex + "00000001", t2 = "tr-" + hex + "00000002", t3 = "tr-" + hex + "00000003";
        assertThat(admin.postJson("/api/imports", VerdictApiTest.session(EXP, "s-x1", hex, "Yes, it is.")).status())
                .isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
        admin.postJson("/api/experiments/" + EXP + "/label-schemas",
                """
                        {"name": "failure_kind", "type": "categorical", "options": ["wrong retrieval", "ignored constraint"]}""");
        admin.postJson("/api/experiments/" + EXP + "/label-schemas",
                "{\"name\": \"helpfulness\", \"type\": \"numeric\", \"min\": 1, \"max\": 5}");
        String path = "/api/sessions/s-x1/annotations?experimentId=" + EXP;
        for (String body : List.of(
                "{\"turn\": 3, \"label\": \"failure_kind\", \"value\": \"ignored constraint\", \"note\": \"Budget ignored.\"}",
                "{\"turn\": 2, \"label\": \"helpfulness\", \"value\": 4}",
                "{\"target\": \"span\", \"traceId\": \"" + t2 + "\", \"spanId\": \"0000000000000002\","
                        + " \"label\": \"failure_kind\", \"value\": \"wrong retrieval\"}",
                "{\"label\": \"failure_kind\", \"value\": \"ignored constraint\", \"note\": \"Whole session.\"}",
                "{\"turn\": 1, \"note\": \"A note alone is no assessment.\"}"))
            assertThat(analyst.postJson(path, body).status()).isEqualTo(201);
        assertThat(analyst.request("PUT", "/api/sessions/s-x1/verdict?experimentId=" + EXP,
                "{\"turn\": 2, \"kind\": \"context_loss\", \"note\": \"The budget was lost in turn 2.\"}",
                "application/json").status()).isEqualTo(200);

        var exported = admin.get("/api/sessions/s-x1/assessments.json?experimentId=" + EXP);
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        JsonNode traces = exported.json();
        assertThat(traces).hasSize(3);
        assertThat(traces.get(0).at("/info/trace_id").asString()).isEqualTo(t1);
        List<JsonNode> human = traces.valueStream().flatMap(t -> t.at("/info/assessments").valueStream())
                .filter(a -> a.at("/source/source_type").asString().equals("HUMAN")).toList();
        assertThat(human).hasSize(5);   // 4 labels + the verdict; the note alone is not one
        JsonNode turn3 = one(traces.get(2), "failure_kind");
        assertThat(turn3.get("trace_id").asString()).isEqualTo(t3);
        assertThat(turn3.at("/feedback/value").asString()).isEqualTo("ignored constraint");
        assertThat(turn3.get("rationale").asString()).isEqualTo("Budget ignored.");
        assertThat(turn3.at("/source/source_id").asString()).isEqualTo(analystName);
        assertThat(turn3.has("span_id")).isFalse();
        assertThat(turn3.at("/metadata/mlflow.trace.session").isMissingNode()).isTrue();
        assertThat(one(traces.get(1), "helpfulness").at("/feedback/value").isNumber()).isTrue();
        JsonNode span = one(traces.get(1), "failure_kind");
        assertThat(span.get("span_id").asString()).isEqualTo("0000000000000002");
        JsonNode session = one(traces.get(0), "failure_kind");
        assertThat(session.at("/metadata/mlflow.trace.session").asString()).isEqualTo("s-x1");
        JsonNode verdict = one(traces.get(0), "root_cause_turn");
        assertThat(verdict.at("/feedback/value").asInt()).isEqualTo(2);
        assertThat(verdict.get("rationale").asString()).isEqualTo("The budget was lost in turn 2.");
        assertThat(verdict.at("/metadata/mlflow.trace.session").asString()).isEqualTo("s-x1");
        assertThat(traces.get(2).at("/info/assessments").valueStream()
                .anyMatch(a -> a.at("/source/source_type").asString().equals("LLM_JUDGE"))).as("the judge stays")
                .isTrue();
        assertThat(traces.get(0).at("/data/spans")).isNotEmpty();

        var reimport = admin.postJson("/api/imports", exported.body());
        assertThat(reimport.status()).as(reimport.body()).isEqualTo(200);
        assertThat(reimport.body()).contains("\"updated\":3");
        assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
        JsonNode doc = admin.get("/api/sessions/s-x1?experimentId=" + EXP).json();
        assertThat(doc.toString()).contains("HUMAN");
        JsonNode turn3Judges = doc.at("/turns/2/assessments");
        assertThat(turn3Judges.valueStream().anyMatch(a -> a.get("name").asString().equals("failure_kind")
                && a.get("source").asString().contains("HUMAN"))).as(turn3Judges.toString()).isTrue();
        assertThat(doc.get("sessionAssessments").valueStream()
                .anyMatch(a -> a.get("name").asString().equals("root_cause_turn"))).as(doc.toString()).isTrue();

        var again = admin.get("/api/sessions/s-x1/assessments.json?experimentId=" + EXP);
        assertThat(again.json()).isEqualTo(traces);   // no duplicates: ours replace the re-imported copies
        assertThat(admin.postJson("/api/imports", again.body()).body()).contains("\"unchanged\":3");

        JsonNode all = admin.get("/api/export/assessments?experimentId=" + EXP).json();
        assertThat(all).hasSize(3);
        assertThat(admin.as(Role.VIEWER).get("/api/export/assessments?experimentId=" + EXP).status()).isEqualTo(200);
        assertThat(admin.get("/api/export/assessments").status()).isEqualTo(400);
        assertThat(admin.get("/api/sessions/s-none/assessments.json?experimentId=" + EXP).status()).isEqualTo(404);
    }

    static JsonNode one(JsonNode trace, String name) {
        return trace.at("/info/assessments").valueStream()
                .filter(a -> a.get("assessment_name").asString().equals(name)
                        && a.at("/source/source_type").asString().equals("HUMAN"))
                .findFirst().orElseThrow(() -> new AssertionError("no HUMAN " + name + " in " + trace.at("/info")));
    }
}
