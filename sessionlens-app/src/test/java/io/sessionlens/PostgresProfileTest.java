package io.sessionlens;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.session.index.BackgroundAnalysisTest;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import io.sessionlens.trace.web.SlashIdsTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The team-server profile on a real PostgreSQL: migrations, import, search, background and on-read analysis, the
 * trace export. Runs when PostgreSQL answers at {@code sessionlens.test.pg-url} (default: the profile's own
 * localhost database, user and password {@code sessionlens}), and always when {@code SESSIONLENS_REQUIRE_POSTGRES=1}
 * (so CI, which installs and starts one in {@code .ci/run}, fails rather than skips if it is not there). Each run works
 * in a schema of its own and drops it afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@EnabledIf("postgresAnswers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)   // the first test counts every session in the schema
class PostgresProfileTest {
    static final String URL = System.getProperty("sessionlens.test.pg-url",
            "jdbc:postgresql://localhost:5432/sessionlens");
    static final String SCHEMA = "sl_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    /**
     * Vaadin's security configuration installs its own holder strategy (a ThreadLocal per instance) as Spring
     * Security's global one when a context starts: this class's context would take it away from the app context the
     * other tests share (their requests then read no user). Noted when the class's condition is evaluated (before its context starts), put back after.
     */
    private static @org.jspecify.annotations.Nullable SecurityContextHolderStrategy holderBefore;

    @LocalServerPort int port;
    @Autowired SessionAnalysisWorker worker;

    static boolean postgresAnswers() {
        // the class's condition is evaluated before its context starts: note the holder strategy in use now
        if (holderBefore == null) holderBefore = SecurityContextHolder.getContextHolderStrategy();
        if ("1".equals(System.getenv("SESSIONLENS_REQUIRE_POSTGRES"))) return true;
        try (Connection c = DriverManager.getConnection(URL, "sessionlens", "sessionlens")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.flyway.default-schema", () -> SCHEMA);
        registry.add("sessionlens.data-dir", () -> AppTestBase.DATA_DIR.resolveSibling("pg-" + SCHEMA).toString());
        registry.add("sessionlens.demo-data", () -> "false");
        registry.add("vaadin.devmode.devTools.enabled", () -> "false");
        registry.add("sessionlens.admin-password", () -> io.sessionlens.support.TestUsers.ADMIN_PASSWORD);
        registry.add("sessionlens.security.bcrypt-strength", () -> "4");
    }

    @AfterAll
    static void restoreSecurityContextHolder() {
        if (holderBefore != null) SecurityContextHolder.setContextHolderStrategy(holderBefore);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sessionlens", "sessionlens");
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Autowired io.sessionlens.session.search.SessionSearchIndex searchEngine;

    @Test
    @Order(1)
    void the_team_server_profile_imports_searches_analyses_and_exports_on_postgresql() throws Exception {
        var http = new Http("http://localhost:" + port);
        List<String> fixtures = Fixtures.ONE_TRACE_REAL_EXPORTS;
        for (String f : fixtures) {
            var a = http.post("/api/imports", Fixtures.bytes("mlflow-real/" + f), "application/json");
            assertThat(a.status()).as(f + ": " + a.body()).isEqualTo(200);
            assertThat(a.json().get("tracesImported").asInt()).as(f).isEqualTo(1);
        }
        for (String f : fixtures) {   // idempotent there too: the content hashes survive PostgreSQL's types
            var again = http.post("/api/imports", Fixtures.bytes("mlflow-real/" + f), "application/json").json();
            assertThat(again.get("tracesUnchanged").asInt()).as(f).isEqualTo(1);
        }
        worker.stop();   // the next session waits for analysis: opening it must analyse it on PostgreSQL too
        try {
            assertThat(http
                    .postJson("/api/imports",
                            BackgroundAnalysisTest.trace("exp-pg", "s-pg", "00000000000000000000000000dd0001"))
                    .status()).isEqualTo(200);
            JsonNode doc = http.get("/api/sessions/s-pg?experimentId=exp-pg").json();
            assertThat(doc.at("/rootCause/turn").asInt()).isEqualTo(1);
            assertThat(doc.at("/turns/0/userText").asString()).isEqualTo("Which plan fits a family of four?");
        } finally {
            worker.start();
        }
        assertThat(http.postJson("/api/imports", SlashIdsTest.export()).status()).isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();

        JsonNode list = http.get("/api/sessions?size=50").json();
        assertThat(list.get("total").asInt()).isEqualTo(7);
        List<String> times = list.get("items").valueStream().map(i -> i.get("lastRequestTime").asString()).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(list.get("items").valueStream().allMatch(i -> i.get("analysed").asBoolean())).isTrue();
        assertThat(http.get("/api/sessions?q=family+of+four").json().at("/items/0/sessionId").asString())
                .isEqualTo("s-pg");
        // the search engine answers on PostgreSQL too (decision 041), as the database's own query would
        assertThat(searchEngine.ready()).isTrue();
        assertThat(http.get("/api/sessions?q=FAMI").json().at("/items/0/sessionId").asString()).isEqualTo("s-pg");
        JsonNode byUser = http.get("/api/sessions?size=50&sort=user").json();
        assertThat(byUser.get("total").asInt()).isEqualTo(7);
        assertThat(http.get("/api/sessions?experiment=exp-pg&verdict=root_cause").json().get("total").asInt())
                .isEqualTo(1);

        JsonNode v2 = http.get("/api/traces/58f4e27101304034b15c512b603bf1b2").json();
        assertThat(v2.at("/data/spans")).hasSize(2);
        JsonNode slash = http.get("/api/traces/" + URLEncoder.encode(SlashIdsTest.TRACE_ID, StandardCharsets.UTF_8))
                .json();
        assertThat(slash.at("/info/trace_id").asString()).isEqualTo(SlashIdsTest.TRACE_ID);
        assertThat(slash.at("/info/request_time").asString()).isEqualTo("2026-04-01T10:00:00Z");
    }

    @Test
    void a_session_cut_off_by_a_stop_is_marked_until_a_finished_import_completes_it_on_postgresql(
            @Autowired io.sessionlens.trace.TraceStore store,
            @Autowired @org.springframework.beans.factory.annotation.Qualifier("interruptedImports") org.springframework.context.SmartLifecycle start)
            throws Exception {
        io.sessionlens.session.index.InterruptedImportTest.assertMarkedUntilCompleted(
                new Http("http://localhost:" + port), store, start, worker, "s-pg-cut");
    }

    @Test
    void one_over_long_field_costs_only_its_trace_and_reimports_stay_unchanged_on_postgresql() {
        var http = new Http("http://localhost:" + port);
        var a = http.postJson("/api/imports",
                io.sessionlens.importer.ImportIsolationTest.twoThousandWithOneLongSessionId("b1", "exp-pg-iso"));
        io.sessionlens.importer.ImportIsolationTest.assertOnlyTheLongSessionIdWasLost(a, "b1");
        io.sessionlens.importer.ImportIdempotenceTest.assertReimportsAreUnchanged(http,
                "tr-e00000000000000000000000000000a1", "exp-pg-idem");
    }

    @Test
    void a_trace_postgresql_refuses_after_the_checks_costs_only_itself() {
        // PostgreSQL stores no NUL character in text; H2 does. The batch fails, and is stored trace by trace.
        var http = new Http("http://localhost:" + port);
        String bad = io.sessionlens.importer.ImportIsolationTest
                .trace("tr-b2000000000000000000000000000002", "exp-pg-nul", "s", "ana")
                .replace("\"question\"", "\"que\\u0000stion\"");
        String good1 = io.sessionlens.importer.ImportIsolationTest.trace("tr-b2000000000000000000000000000001",
                "exp-pg-nul", "s", "ana");
        String good3 = io.sessionlens.importer.ImportIsolationTest.trace("tr-b2000000000000000000000000000003",
                "exp-pg-nul", "s", "ana");
        var a = http.postJson("/api/imports", "[" + good1 + "," + bad + "," + good3 + "]");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode file = a.json().at("/files/0");
        assertThat(file.get("traces").asInt()).isEqualTo(2);
        assertThat(file.get("rejected").asInt()).isEqualTo(1);
        assertThat(file.at("/errors/0/trace").asString()).isEqualTo("tr-b2000000000000000000000000000002");
        assertThat(file.at("/errors/0/message").asString()).startsWith("the database refused to store this trace");
        assertThat(a.body()).doesNotContainIgnoringCase("insert into").doesNotContain("PSQLException");
    }

    @Test
    void users_tokens_and_the_audit_log_on_postgresql() {
        var admin = new Http("http://localhost:" + port);
        assertThat(admin.get("/api/sessions").status()).isEqualTo(200);   // the first admin from the property
        assertThat(admin.anonymous().get("/api/sessions").status()).isEqualTo(401);
        var made = admin.postJson("/api/users", "{\"username\":\"pg-analyst\",\"password\":\"pg-password-1\","
                + "\"role\":\"analyst\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        var analyst = admin.as("pg-analyst", "pg-password-1");
        JsonNode token = analyst.postJson("/api/tokens", "{\"name\":\"pg\"}").json();
        var bearer = admin.anonymous().withToken(token.get("token").asString());
        assertThat(bearer.get("/api/tokens").json().at("/0/name").asString()).isEqualTo("pg");
        assertThat(bearer.putJson("/api/experiments/exp-pg-audit/settings", "{}").status()).isEqualTo(403);
        assertThat(admin.putJson("/api/experiments/exp-pg-audit/settings",
                "{\"failingValues\":{\"tone\":[\"curt\"]}}").status()).isEqualTo(200);
        assertThat(analyst.delete("/api/tokens/" + token.get("id").asLong()).status()).isEqualTo(204);
        assertThat(bearer.get("/api/sessions").status()).isEqualTo(401);
        assertThat(admin.patchJson("/api/users/pg-analyst", "{\"role\":\"viewer\"}").status()).isEqualTo(200);
        assertThat(admin.delete("/api/users/admin").status()).isEqualTo(409);   // the last admin

        JsonNode settings = admin.get("/api/audit?kind=experiment-settings&user=admin").json();
        assertThat(settings.at("/items/0/subject").asString()).isEqualTo("exp-pg-audit");
        assertThat(settings.at("/items/0/after/failingValues/tone/0").asString()).isEqualTo("curt");
        JsonNode all = admin.get("/api/audit?size=100").json();
        assertThat(all.get("items").valueStream().map(i -> i.get("kind").asString()))
                .contains("user-created", "token-created", "token-revoked", "user-role-changed", "experiment-settings");
        assertThat(admin.get("/api/audit?user=pg-analyst").json().get("items").valueStream()
                .allMatch(i -> i.get("actor").asString().equals("pg-analyst"))).isTrue();
    }

    @Test
    void label_schemas_annotations_their_history_and_the_assessment_export_on_postgresql() throws Exception {
        var admin = new Http("http://localhost:" + port);
        String exp = "exp-pg-annot";
        String hex = "00000000000000000000f0a1";
        assertThat(admin.postJson("/api/imports",
                io.sessionlens.session.web.VerdictApiTest.session(exp, "s-pg-a", hex, "Yes.")).status())
                .isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();
        var schema = admin.postJson("/api/experiments/" + exp + "/label-schemas", """
                {"name": "failure_kind", "type": "categorical", "options": ["wrong retrieval", "tool error"],
                 "instructions": "Pick one."}""");
        assertThat(schema.status()).as(schema.body()).isEqualTo(201);
        assertThat(admin.putJson("/api/label-schemas/" + schema.json().get("id").asLong(), """
                {"name": "failure_kind", "type": "categorical", "options": ["wrong retrieval", "tool error", "other"],
                 "version": 0}""").status()).isEqualTo(200);
        String path = "/api/sessions/s-pg-a/annotations?experimentId=" + exp;
        var made = admin.postJson(path, "{\"turn\": 2, \"label\": \"failure_kind\", \"value\": \"other\","
                + " \"note\": \"On PostgreSQL.\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(admin.postJson(path, "{\"target\": \"span\", \"traceId\": \"tr-" + hex + "00000001\","
                + " \"spanId\": \"0000000000000002\", \"note\": \"span\"}").status()).isEqualTo(201);
        assertThat(admin.putJson("/api/annotations/" + id,
                "{\"label\": \"failure_kind\", \"value\": \"tool error\", \"note\": \"Edited.\","
                        + " \"version\": 0}")
                .status())
                .isEqualTo(200);
        assertThat(admin.putJson("/api/annotations/" + id, "{\"note\": \"Stale.\", \"version\": 0}").status())
                .isEqualTo(409);
        assertThat(admin.get("/api/annotations/" + id + "/history").json().at("/versions/0/note").asString())
                .isEqualTo("On PostgreSQL.");
        assertThat(admin.get("/api/sessions?experimentId=" + exp).json().at("/items/0/annotationCount").asInt())
                .isEqualTo(2);

        var exported = admin.get("/api/sessions/s-pg-a/assessments.json?experimentId=" + exp);
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.json().valueStream().flatMap(t -> t.at("/info/assessments").valueStream())
                .filter(a -> a.at("/source/source_type").asString().equals("HUMAN")).toList()).as(exported.body())
                .hasSize(1);
        assertThat(admin.postJson("/api/imports", exported.body()).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/imports", exported.body()).json().get("tracesUnchanged").asInt())
                .isEqualTo(3);

        assertThat(admin.delete("/api/sessions/s-pg-a?experimentId=" + exp).status()).isEqualTo(200);
        assertThat(admin.get("/api/annotations/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/audit?kind=annotation&size=100").json().get("total").asInt()).isEqualTo(3);
    }

    @Test
    void review_queues_their_claim_update_agreement_and_adjudication_on_postgresql() throws Exception {
        var admin = new Http("http://localhost:" + port);
        io.sessionlens.review.web.QueueApiTest.assertTwoReviewersAgreeOnOneAndAManagerAdjudicatesTheOther(admin,
                worker, "exp-pg-queue", "0000000000000000000000d1");
        io.sessionlens.review.web.QueueApiTest.assertOneOfTwoSimultaneousClaimsWins(admin, worker, "exp-pg-race",
                "0000000000000000000000d2");
    }

    @Test
    void the_overviews_rollups_follow_imports_and_verdicts_on_postgresql() throws Exception {
        var http = new Http("http://localhost:" + port);
        assertThat(http.postJson("/api/imports",
                BackgroundAnalysisTest.trace("exp-pg-ov", "s-pg-ov", "00000000000000000000000000dd0f01")).status())
                .isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();
        String q = "/api/overview?experimentId=exp-pg-ov&from=2026-03-01&to=2026-03-01";
        JsonNode o = http.get(q).json();
        assertThat(o.get("sessions").asLong()).isEqualTo(1);
        assertThat(o.get("withRootCause").asLong()).isEqualTo(1);
        assertThat(o.at("/latency/turns").asLong()).isEqualTo(1);
        assertThat(http.get("/api/sessions?experiment=exp-pg-ov&startedFrom=2026-03-01&startedTo=2026-03-01"
                + "&rootCauseTurn=1&verdictSource=auto").json().get("total").asLong()).isEqualTo(1);

        var put = http.putJson("/api/sessions/s-pg-ov/verdict?experimentId=exp-pg-ov", "{\"turn\":null}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode after = http.get(q).json();
        assertThat(after.get("withRootCause").asLong()).isZero();
        assertThat(after.get("humanVerdicts").asLong()).isEqualTo(1);
        assertThat(after.at("/disagreements/0/sessionId").asString()).isEqualTo("s-pg-ov");
        assertThat(http.get("/api/sessions?experiment=exp-pg-ov&verdictSource=human").json().get("total").asLong())
                .isEqualTo(1);
        assertThat(http.get("/api/overview.csv?experimentId=exp-pg-ov&period=all").status()).isEqualTo(200);
    }

    @Test
    void investigations_pins_edits_and_the_share_link_on_postgresql() throws Exception {
        var http = new Http("http://localhost:" + port);
        assertThat(http.postJson("/api/imports", io.sessionlens.session.web.VerdictApiTest.session("exp-pg-inv",
                "s-pg-inv", "0000000000000000000000f1", "Yes.")).status()).isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();
        long id = http.postJson("/api/investigations", "{\"title\": \"PG\", \"hypothesis\": \"h\"}").json().get("id")
                .asLong();
        var turn = http.postJson("/api/investigations/" + id + "/pins",
                "{\"experimentId\": \"exp-pg-inv\", \"sessionId\": \"s-pg-inv\", \"turn\": 3}");
        assertThat(turn.status()).as(turn.body()).isEqualTo(201);
        String spanId = http.get("/api/traces/tr-0000000000000000000000f100000001").json().findValues("span_id")
                .getFirst().asString();
        assertThat(http.postJson("/api/investigations/" + id + "/pins", "{\"experimentId\": \"exp-pg-inv\","
                + " \"sessionId\": \"s-pg-inv\", \"spanId\": \"" + spanId + "\", \"quote\": \"q\"}").status())
                .isEqualTo(201);
        assertThat(http.putJson("/api/investigations/" + id, "{\"rootCauseKind\": \"hallucination\","
                + " \"status\": \"concluded\", \"version\": 0}").status()).isEqualTo(200);
        assertThat(http.putJson("/api/investigations/" + id, "{\"title\": \"x\", \"version\": 0}").status())
                .isEqualTo(409);
        JsonNode listed = http.get("/api/investigations?experiment=exp-pg-inv&kind=hallucination&status=concluded")
                .json();
        assertThat(listed.at("/items/0/id").asLong()).isEqualTo(id);
        assertThat(listed.at("/items/0/pins").asInt()).isEqualTo(2);
        String url = http.postJson("/api/investigations/" + id + "/share", "{}").json().get("url").asString();
        var client = java.net.http.HttpClient.newHttpClient();
        var get = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build();
        assertThat(client.send(get, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.delete("/api/investigations/" + id + "/share").status()).isEqualTo(204);
        assertThat(client.send(get, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(http.delete("/api/investigations/" + id + "/pins/" + turn.json().get("id").asLong()).status())
                .isEqualTo(204);
        assertThat(http.get("/api/audit?kind=investigation-pin").json().get("items")).hasSize(3);
    }
}
