package io.sessionlens.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.base.security.Role;
import io.sessionlens.session.web.VerdictApiTest;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Http;
import io.sessionlens.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12: label schemas per experiment (managers write them) and annotations on a session, a turn or a span
 * (analysts write them): checked against the schema with a message naming the defect, the author or a manager edits,
 * a stale version answers 409 with what stands, the edit history is kept, the sessions list counts them, and every
 * write is audited. Through HTTP Basic and a personal token, as a client would.
 */
class AnnotationApiTest extends AppTestBase {
    Http admin;
    Http analyst;
    Http viewer;

    @BeforeEach
    void clients() {
        admin = new Http(baseUrl());
        analyst = admin.as(Role.ANALYST);
        viewer = admin.as(Role.VIEWER);
    }

    void importSession(String exp, String session, String hex) {
        assertThat(admin.postJson("/api/imports", VerdictApiTest.session(exp, session, hex, "Yes, it is.")).status())
                .isEqualTo(200);
    }

    long schema(Http as, String exp, String body) {
        var made = as.postJson("/api/experiments/" + exp + "/label-schemas", body);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asLong();
    }

    static final String FAILURE_KIND = """
            {"name": "failure_kind", "title": "Failure kind", "type": "categorical",
             "options": ["wrong retrieval", "ignored constraint", "tool error"], "target": "any",
             "instructions": "Pick what went wrong."}""";

    @Test
    void a_label_checked_against_its_schema_a_note_and_an_edit_with_history() {
        String exp = "exp-annot-crud";
        importSession(exp, "s-a1", "0000000000000000000000a1");
        schema(admin.as(Role.MANAGER), exp, FAILURE_KIND);
        schema(admin.as(Role.MANAGER), exp, """
                {"name": "helpfulness", "type": "numeric", "min": 1, "max": 5, "target": "turn"}""");

        var schemas = viewer.get("/api/experiments/" + exp + "/label-schemas").json().get("labelSchemas");
        assertThat(schemas.valueStream().map(s -> s.get("name").asString())).containsExactly("failure_kind",
                "helpfulness");
        assertThat(schemas.get(0).get("options").get(1).asString()).isEqualTo("ignored constraint");

        String path = "/api/sessions/s-a1/annotations?experimentId=" + exp;
        var made = analyst.postJson(path, """
                {"target": "turn", "turn": 3, "label": "failure_kind", "value": "Ignored constraint",
                 "note": "The **budget** from turn 1 was ignored."}""");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode a = made.json();
        assertThat(a.get("value").asString()).isEqualTo("ignored constraint");   // the option as spelt
        assertThat(a.get("turn").asInt()).isEqualTo(3);
        assertThat(a.get("traceId").asString()).isEqualTo("tr-0000000000000000000000a100000003");
        assertThat(a.get("author").asString()).isEqualTo(TestUsers.of(Role.ANALYST).username());
        long id = a.get("id").asLong();

        var numeric = analyst.postJson(path, "{\"turn\": 2, \"label\": \"helpfulness\", \"value\": 4}");
        assertThat(numeric.status()).as(numeric.body()).isEqualTo(201);
        assertThat(numeric.json().get("value").asString()).isEqualTo("4");
        var session = analyst.postJson(path, "{\"note\": \"Whole session: the bot never asked about the budget.\"}");
        assertThat(session.json().get("target").asString()).isEqualTo("session");

        var edited = analyst.putJson("/api/annotations/" + id, """
                {"label": "failure_kind", "value": "wrong retrieval", "note": "On second look: the retrieval.",
                 "version": 0}""");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("edited").asBoolean()).isTrue();
        assertThat(edited.json().get("version").asLong()).isEqualTo(1);
        JsonNode versions = viewer.get("/api/annotations/" + id + "/history").json().get("versions");
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("value").asString()).isEqualTo("ignored constraint");
        assertThat(versions.get(0).get("note").asString()).isEqualTo("The **budget** from turn 1 was ignored.");

        JsonNode listed = viewer.get(path).json().get("annotations");
        assertThat(listed).hasSize(3);
        assertThat(listed.get(0).get("value").asString()).isEqualTo("wrong retrieval");
        assertThat(viewer.get("/api/sessions?experimentId=" + exp).json().at("/items/0/annotationCount").asInt())
                .isEqualTo(3);

        assertThat(analyst.delete("/api/annotations/" + session.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(viewer.get(path).json().get("annotations")).hasSize(2);
        assertThat(viewer.get("/api/sessions?experimentId=" + exp).json().at("/items/0/annotationCount").asInt())
                .isEqualTo(2);
    }

    @Test
    void what_the_schema_does_not_allow_is_refused_naming_the_defect() {
        String exp = "exp-annot-invalid";
        importSession(exp, "s-a2", "0000000000000000000000a2");
        schema(admin, exp, FAILURE_KIND);
        schema(admin, exp,
                "{\"name\": \"helpfulness\", \"type\": \"numeric\", \"min\": 1, \"max\": 5, \"target\": \"turn\"}");
        String path = "/api/sessions/s-a2/annotations?experimentId=" + exp;

        assertRefused(analyst.postJson(path, "{\"turn\": 1, \"label\": \"failure_kind\", \"value\": \"bad luck\"}"),
                "\"bad luck\" is not an option of label failure_kind (one of wrong retrieval, ignored constraint, tool error)");
        assertRefused(analyst.postJson(path, "{\"turn\": 1, \"label\": \"helpfulness\", \"value\": 9}"),
                "9 is outside label helpfulness's range (1 to 5)");
        assertRefused(analyst.postJson(path, "{\"turn\": 1, \"label\": \"helpfulness\", \"value\": \"lots\"}"),
                "label helpfulness takes a number, not \"lots\"");
        assertRefused(analyst.postJson(path, "{\"label\": \"helpfulness\", \"value\": 3}"),
                "label helpfulness is for a turn, not a session");
        assertRefused(analyst.postJson(path, "{\"turn\": 1, \"label\": \"tone\", \"value\": \"rude\"}"),
                "has no label schema \"tone\" (it has failure_kind, helpfulness)");
        assertRefused(analyst.postJson(path, "{\"turn\": 7, \"note\": \"x\"}"),
                "turn 7 is not a turn of this session (it has 3 turns)");
        assertRefused(analyst.postJson(path, "{\"turn\": 1}"), "an annotation needs a label or a note");
        assertRefused(
                analyst.postJson(path, "{\"target\": \"span\", \"turn\": 1, \"spanId\": \"nope\", \"note\": \"x\"}"),
                "has no span nope");
        assertRefused(admin.postJson("/api/experiments/" + exp + "/label-schemas",
                "{\"name\": \"size\", \"type\": \"numeric\", \"min\": 5, \"max\": 1}"), "min 5 is above max 1");
        assertRefused(admin.postJson("/api/experiments/" + exp + "/label-schemas",
                "{\"name\": \"kind\", \"type\": \"categorical\"}"), "needs at least one option");
        assertRefused(
                admin.postJson("/api/experiments/" + exp + "/label-schemas", "{\"name\": \"x\", \"type\": \"colour\"}"),
                "the type \"colour\" is not one of categorical, numeric, text");
        assertRefused(admin.postJson("/api/experiments/" + exp + "/label-schemas", FAILURE_KIND),
                "already has a label schema named \"failure_kind\"");
        assertThat(admin.postJson("/api/sessions/s-none/annotations?experimentId=" + exp, "{\"note\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(viewer.get(path).json().get("annotations")).isEmpty();
    }

    static void assertRefused(Http.Answer answer, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).contains(message);
    }

    @Test
    void a_viewer_cannot_write_an_analyst_cannot_change_schemas_or_others_annotations_a_manager_can() {
        String exp = "exp-annot-roles";
        importSession(exp, "s-a3", "0000000000000000000000a3");
        String path = "/api/sessions/s-a3/annotations?experimentId=" + exp;

        assertThat(viewer.postJson(path, "{\"note\": \"x\"}").status()).isEqualTo(403);
        assertThat(analyst.postJson("/api/experiments/" + exp + "/label-schemas", FAILURE_KIND).status())
                .isEqualTo(403);
        long schemaId = schema(admin.as(Role.MANAGER), exp, FAILURE_KIND);
        assertThat(analyst.delete("/api/label-schemas/" + schemaId).status()).isEqualTo(403);

        long id = analyst.postJson(path, "{\"turn\": 1, \"note\": \"mine\"}").json().get("id").asLong();
        assertThat(viewer.putJson("/api/annotations/" + id, "{\"note\": \"viewer's\"}").status()).isEqualTo(403);
        assertThat(viewer.delete("/api/annotations/" + id).status()).isEqualTo(403);

        assertThat(admin.postJson("/api/users", "{\"username\": \"analyst-two\", \"password\": \"analyst-two-pw\","
                + " \"role\": \"analyst\"}").status()).isIn(201, 409);
        var other = admin.as("analyst-two", "analyst-two-pw");
        var refused = other.putJson("/api/annotations/" + id, "{\"note\": \"theirs\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).contains("(the author) or a manager may edit");
        assertThat(other.delete("/api/annotations/" + id).status()).isEqualTo(403);

        var byManager = admin.as(Role.MANAGER).putJson("/api/annotations/" + id, "{\"note\": \"manager's word\"}");
        assertThat(byManager.status()).as(byManager.body()).isEqualTo(200);
        assertThat(byManager.json().get("editedBy").asString()).isEqualTo(TestUsers.of(Role.MANAGER).username());
        assertThat(byManager.json().get("author").asString()).isEqualTo(TestUsers.of(Role.ANALYST).username());
        assertThat(admin.as(Role.MANAGER).delete("/api/label-schemas/" + schemaId).status()).isEqualTo(204);
    }

    @Test
    void a_stale_version_answers_409_with_what_stands_and_changes_nothing() {
        String exp = "exp-annot-stale";
        importSession(exp, "s-a4", "0000000000000000000000a4");
        String path = "/api/sessions/s-a4/annotations?experimentId=" + exp;
        long id = analyst.postJson(path, "{\"turn\": 2, \"note\": \"first\"}").json().get("id").asLong();
        assertThat(analyst.putJson("/api/annotations/" + id, "{\"note\": \"second\", \"version\": 0}").status())
                .isEqualTo(200);

        var stale = analyst.putJson("/api/annotations/" + id, "{\"note\": \"made on the first\", \"version\": 0}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("error").asString()).contains("changed by");
        assertThat(stale.json().at("/current/note").asString()).isEqualTo("second");
        assertThat(stale.json().at("/current/version").asLong()).isEqualTo(1);
        assertThat(analyst.get("/api/annotations/" + id).json().get("note").asString()).isEqualTo("second");
        assertThat(analyst.delete("/api/annotations/" + id + "?version=0").status()).isEqualTo(409);
        assertThat(analyst.get("/api/annotations/" + id).status()).isEqualTo(200);
    }

    @Test
    void a_personal_token_annotates_a_span_and_the_audit_log_names_who_did_what() {
        String exp = "exp-annot-token";
        importSession(exp, "s-a5", "0000000000000000000000a5");
        var made = analyst.postJson("/api/tokens", "{\"name\": \"annotation bot\"}");
        var bearer = admin.withToken(made.json().get("token").asString());
        String path = "/api/sessions/s-a5/annotations?experimentId=" + exp;

        var span = bearer.postJson(path, """
                {"target": "span", "traceId": "tr-0000000000000000000000a500000002", "spanId": "0000000000000002",
                 "note": "The model call that picked the laptop."}""");

        assertThat(span.status()).as(span.body()).isEqualTo(201);
        assertThat(span.json().get("turn").asInt()).isEqualTo(2);
        assertThat(span.json().get("spanId").asString()).isEqualTo("0000000000000002");
        long id = span.json().get("id").asLong();
        assertThat(bearer.putJson("/api/annotations/" + id, "{\"note\": \"The model call.\"}").status()).isEqualTo(200);
        assertThat(bearer.delete("/api/annotations/" + id).status()).isEqualTo(204);

        JsonNode items = admin.get("/api/audit?kind=annotation&user=" + TestUsers.of(Role.ANALYST).username()
                + "&size=100").json().get("items");
        var mine = items.valueStream().filter(i -> i.get("subject").asString().equals(exp + " / s-a5")).toList();
        assertThat(mine).hasSize(3);
        assertThat(mine.get(0).get("summary").asString()).contains("removed");
        assertThat(mine.get(1).get("summary").asString()).contains("edited");
        assertThat(mine.get(2).get("summary").asString()).contains("added on span 0000000000000002");
        // the analyst's tokens are shared by every test of the run: RolesBrowserTest expects none
        assertThat(analyst.delete("/api/tokens/" + made.json().get("id").asLong()).status()).isEqualTo(204);
    }
}
