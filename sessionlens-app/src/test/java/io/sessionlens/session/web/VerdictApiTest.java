package io.sessionlens.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12: an analyst confirms, moves or rejects the automatic root cause; the human verdict supersedes it in the
 * session document and the sessions list, keeps the automatic one beside it, survives a re-analysis, refuses what makes
 * no sense, never silently overwrites a colleague's newer verdict, and can be withdrawn.
 */
public class VerdictApiTest extends AppTestBase {
    @Autowired SessionAnalysisWorker worker;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(baseUrl());
    }

    /** Three turns; the judge fails the third. */
    public static String session(String experiment, String session, String hexPrefix, String lastAnswer) {
        List<String> traces = new ArrayList<>();
        String[][] turns = {{"I need a laptop under 900 euros for video editing.", "Noted: under 900 euros."},
                {"Which one would you pick?", "The ProBook 16 fits your needs."},
                {"Is it within my budget?", lastAnswer}};
        for (int i = 0; i < 3; i++) {
            String hex = hexPrefix + String.format("%08d", i + 1);
            String judge = i < 2
                    ? ""
                    : """
                            {"assessment_id": "a-%s", "assessment_name": "correctness", "trace_id": "tr-%s",
                             "source": {"source_type": "LLM_JUDGE", "source_id": "judge"}, "feedback": {"value": "no"},
                             "rationale": "The ProBook 16 costs 1,299 euros, above the budget the user gave."}"""
                            .formatted(hex, hex);
            traces.add(Fixtures.trace("tr-" + hex, experiment, session, "2026-03-02T10:0" + i + ":00Z", "u-verdict",
                    turns[i][0], turns[i][1], judge));
        }
        return "[" + String.join(",", traces) + "]";
    }

    JsonNode document(String experiment, String session) {
        return http.get("/api/sessions/" + session + "?experimentId=" + experiment).json();
    }

    JsonNode listed(String experiment) throws Exception {
        assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
        return http.get("/api/sessions?experimentId=" + experiment).json().at("/items/0");
    }

    HttpAnswer put(String experiment, String session, String body) {
        var a = http.request("PUT", "/api/sessions/" + session + "/verdict?experimentId=" + experiment, body,
                "application/json");
        return new HttpAnswer(a.status(), a.body().isEmpty() ? null : a.json());
    }

    record HttpAnswer(int status, JsonNode json) {}

    @Test
    void a_moved_verdict_supersedes_the_automatic_one_everywhere_and_withdrawing_it_brings_that_back()
            throws Exception {
        String exp = "exp-verdict-1";
        assertThat(http.postJson("/api/imports", session(exp, "s-v1", "0000000000000000000000ee", "Yes, it is."))
                .status()).isEqualTo(200);
        JsonNode auto = listed(exp);
        JsonNode autoCause = document(exp, "s-v1").get("rootCause");
        assertThat(autoCause.get("source").asString()).isEqualTo("auto");
        int autoTurn = autoCause.get("turn").asInt();
        assertThat(auto.get("rootCauseTurn").asInt()).isEqualTo(autoTurn);

        var moved = put(exp, "s-v1",
                "{\"turn\": 2, \"kind\": \"context_loss\", \"note\": \"The budget from turn 1 was ignored here.\"}");

        assertThat(moved.status()).isEqualTo(200);
        JsonNode cause = document(exp, "s-v1").get("rootCause");
        assertThat(cause.get("source").asString()).isEqualTo("human");
        assertThat(cause.get("turn").asInt()).isEqualTo(2);
        assertThat(cause.get("kind").asString()).isEqualTo("context_loss");
        assertThat(cause.get("note").asString()).isEqualTo("The budget from turn 1 was ignored here.");
        assertThat(cause.get("reviewer").asString()).isNotBlank();
        assertThat(cause.get("decidedAt").asString()).isNotBlank();
        assertThat(cause.at("/automatic/turn").asInt()).isEqualTo(autoTurn);
        assertThat(cause.at("/automatic/evidence").asString()).isEqualTo(autoCause.get("evidence").asString());
        assertThat(moved.json().at("/rootCause/turn").asInt()).isEqualTo(2);
        JsonNode row = listed(exp);
        assertThat(row.get("rootCauseTurn").asInt()).isEqualTo(2);
        assertThat(row.get("rootCauseKind").asString()).isEqualTo("context_loss");
        assertThat(row.get("verdictSource").asString()).isEqualTo("human");

        // a re-import with a changed trace re-analyses the session: the human verdict stays
        assertThat(http.postJson("/api/imports", session(exp, "s-v1", "0000000000000000000000ee", "Yes, it is!"))
                .json().get("tracesUpdated").asInt()).isEqualTo(1);
        assertThat(listed(exp).get("rootCauseTurn").asInt()).isEqualTo(2);
        assertThat(document(exp, "s-v1").at("/rootCause/source").asString()).isEqualTo("human");

        var withdrawn = http.request("DELETE", "/api/sessions/s-v1/verdict?experimentId=" + exp, "",
                "application/json");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(document(exp, "s-v1").at("/rootCause/source").asString()).isEqualTo("auto");
        assertThat(listed(exp).get("rootCauseTurn").asInt()).isEqualTo(autoTurn);
    }

    @Test
    void no_root_cause_is_a_verdict_too_and_clears_the_flag_in_the_list() throws Exception {
        String exp = "exp-verdict-2";
        http.postJson("/api/imports", session(exp, "s-v2", "0000000000000000000000ef", "Yes, it is."));
        assertThat(listed(exp).get("rootCauseTurn").isNull()).isFalse();

        var none = put(exp, "s-v2",
                "{\"turn\": null, \"note\": \"The judge is wrong: 1,299 was a typo in its data.\"}");

        assertThat(none.status()).isEqualTo(200);
        JsonNode cause = document(exp, "s-v2").get("rootCause");
        assertThat(cause.get("source").asString()).isEqualTo("human");
        assertThat(cause.get("turn").isNull()).isTrue();
        assertThat(cause.get("automatic").isObject()).isTrue();
        assertThat(listed(exp).get("rootCauseTurn").isNull()).isTrue();
        assertThat(listed(exp).get("verdict").asString()).isEqualTo("healthy");
    }

    @Test
    void a_deleted_session_imported_again_starts_without_the_old_verdict() throws Exception {
        String exp = "exp-verdict-deleted";
        http.postJson("/api/imports", session(exp, "s-vd", "0000000000000000000000ed", "Yes, it is."));
        listed(exp);
        assertThat(put(exp, "s-vd", "{\"turn\": 1, \"kind\": \"other\", \"note\": \"Started here.\"}").status())
                .isEqualTo(200);
        assertThat(document(exp, "s-vd").at("/rootCause/source").asString()).isEqualTo("human");

        assertThat(http.delete("/api/sessions/s-vd?experimentId=" + exp).status()).isEqualTo(200);
        http.postJson("/api/imports", session(exp, "s-vd", "0000000000000000000000ed", "Yes, it is."));

        assertThat(listed(exp).get("verdictSource").asString()).isEqualTo("auto");
        JsonNode cause = document(exp, "s-vd").get("rootCause");
        assertThat(cause.get("source").asString()).isEqualTo("auto");
        assertThat(cause.get("turn").asInt()).isEqualTo(3);
    }

    @Test
    void a_verdict_that_makes_no_sense_is_refused_with_the_reason() throws Exception {
        String exp = "exp-verdict-3";
        http.postJson("/api/imports", session(exp, "s-v3", "0000000000000000000000f0", "Yes, it is."));
        listed(exp);

        var outOfRange = put(exp, "s-v3", "{\"turn\": 9, \"kind\": \"tool_error\"}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("error").asString())
                .isEqualTo("turn 9 is not a turn of this session (it has 3 turns)");
        var noKind = put(exp, "s-v3", "{\"turn\": 2}");
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.json().get("error").asString()).startsWith("say what kind of root cause turn 2 is (")
                .contains("tool_error");
        var badKind = put(exp, "s-v3", "{\"turn\": 2, \"kind\": \"gremlins\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("error").asString()).startsWith("\"gremlins\" is not a root-cause kind");
        assertThat(put(exp, "s-nope", "{\"turn\": 1, \"kind\": \"tool_error\"}").status()).isEqualTo(404);
        assertThat(document(exp, "s-v3").at("/rootCause/source").asString()).isEqualTo("auto");
    }

    @Test
    void a_verdict_changed_meanwhile_is_not_overwritten_by_an_older_view() throws Exception {
        String exp = "exp-verdict-4";
        http.postJson("/api/imports", session(exp, "s-v4", "0000000000000000000000f1", "Yes, it is."));
        listed(exp);
        var first = put(exp, "s-v4", "{\"turn\": 3, \"kind\": \"hallucination\", \"note\": \"confirmed\"}");
        long seen = first.json().at("/rootCause/version").asLong();
        var second = put(exp, "s-v4",
                "{\"turn\": 2, \"kind\": \"context_loss\", \"version\": " + seen + "}");   // a colleague moves it
        assertThat(second.status()).isEqualTo(200);

        var stale = put(exp, "s-v4", "{\"turn\": 1, \"kind\": \"other\", \"version\": " + seen + "}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("error").asString()).contains("changed by");
        assertThat(stale.json().at("/current/turn").asInt()).isEqualTo(2);
        assertThat(document(exp, "s-v4").at("/rootCause/turn").asInt()).isEqualTo(2);
    }
}
