package io.sessionlens.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.base.security.Role;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.session.web.VerdictApiTest;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue #13's JSON API as automation uses it, with Basic credentials: create an investigation, pin a session, a turn
 * (quoted with the judge's rationale when no quote is given) and a span, edit with a version (a stale one answers 409
 * with what stands), export, share without a login and revoke, every change in the audit log; viewers read only.
 */
class InvestigationApiTest extends AppTestBase {
    @Autowired SessionAnalysisWorker worker;
    Http http;
    Http analyst;

    @BeforeEach
    void client() {
        http = new Http(baseUrl());
        analyst = http.as(Role.ANALYST);
    }

    void imported(String exp, String session, String hex) throws Exception {
        assertThat(http.postJson("/api/imports", VerdictApiTest.session(exp, session, hex, "Yes, it is <b>fine</b>."))
                .status()).isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
    }

    long create(Http who, String title) {
        var a = who.postJson("/api/investigations", "{\"title\": \"" + title + "\", \"hypothesis\": \"budget\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    static HttpResponse<String> anonymousGet(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_analyst_pins_a_session_a_turn_and_a_span_and_reads_them_back() throws Exception {
        imported("exp-inv-api-1", "s-inv-1", "0000000000000000000001a1");
        long id = create(analyst, "Budget answers go wrong");

        var turn = analyst.postJson("/api/investigations/" + id + "/pins",
                "{\"experimentId\": \"exp-inv-api-1\", \"sessionId\": \"s-inv-1\", \"turn\": 3}");
        assertThat(turn.status()).as(turn.body()).isEqualTo(201);
        assertThat(turn.json().get("quote").asString()).contains("1,299 euros");   // the judge's rationale
        assertThat(turn.json().get("traceId").asString()).isEqualTo("tr-0000000000000000000001a100000003");

        var session = analyst.postJson("/api/investigations/" + id + "/pins",
                "{\"experimentId\": \"exp-inv-api-1\", \"sessionId\": \"s-inv-1\", \"quote\": \"the whole chat\"}");
        assertThat(session.status()).isEqualTo(201);

        String spanId = http.get("/api/traces/tr-0000000000000000000001a100000002").json().findValues("span_id")
                .getFirst().asString();
        var span = analyst.postJson("/api/investigations/" + id + "/pins", "{\"experimentId\": \"exp-inv-api-1\","
                + " \"sessionId\": \"s-inv-1\", \"turn\": 2, \"spanId\": \"" + spanId
                + "\", \"quote\": \"this span\"}");
        assertThat(span.status()).as(span.body()).isEqualTo(201);
        assertThat(span.json().get("traceId").asString()).isEqualTo("tr-0000000000000000000001a100000002");
        assertThat(span.json().get("spanName").asString()).isNotBlank();
        var nowhere = analyst.postJson("/api/investigations/" + id + "/pins", "{\"experimentId\": \"exp-inv-api-1\","
                + " \"sessionId\": \"s-inv-1\", \"spanId\": \"no-such-span\"}");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.json().get("error").asString()).contains("span no-such-span is not in session s-inv-1");

        JsonNode inv = http.as(Role.VIEWER).get("/api/investigations/" + id).json();
        assertThat(inv.get("title").asString()).isEqualTo("Budget answers go wrong");
        assertThat(inv.get("status").asString()).isEqualTo("open");
        assertThat(inv.get("pins")).hasSize(3);
        assertThat(inv.get("participants").toString()).contains(Role.ANALYST.name().toLowerCase());

        var listed = http.get("/api/investigations?experiment=exp-inv-api-1&status=open").json();
        assertThat(listed.get("items").findValues("id").stream().map(JsonNode::asLong)).contains(id);
        assertThat(http.get("/api/investigations?experiment=nope").json().get("total").asInt()).isZero();
        assertThat(http.get("/api/investigations?status=bogus").status()).isEqualTo(400);

        long pinId = session.json().get("id").asLong();
        assertThat(analyst.delete("/api/investigations/" + id + "/pins/" + pinId).status()).isEqualTo(204);
        assertThat(http.get("/api/investigations/" + id).json().get("pins")).hasSize(2);
        assertThat(analyst.delete("/api/investigations/" + id + "/pins/" + pinId).status()).isEqualTo(404);
    }

    @Test
    void bad_input_is_named_and_viewers_may_not_write() throws Exception {
        imported("exp-inv-api-2", "s-inv-2", "0000000000000000000002a2");
        long id = create(analyst, "Bad input");
        var turn = analyst.postJson("/api/investigations/" + id + "/pins",
                "{\"experimentId\": \"exp-inv-api-2\", \"sessionId\": \"s-inv-2\", \"turn\": 9}");
        assertThat(turn.status()).isEqualTo(400);
        assertThat(turn.json().get("error").asString()).contains("turn 9").contains("3 turns");
        var nosession = analyst.postJson("/api/investigations/" + id + "/pins",
                "{\"experimentId\": \"exp-inv-api-2\", \"sessionId\": \"nope\"}");
        assertThat(nosession.status()).isEqualTo(400);
        assertThat(nosession.json().get("error").asString()).contains("no session nope");
        var kind = analyst.putJson("/api/investigations/" + id, "{\"rootCauseKind\": \"gremlins\"}");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("error").asString()).contains("gremlins").contains("tool_error");
        assertThat(analyst.postJson("/api/investigations", "{\"title\": \"  \"}").status()).isEqualTo(400);
        assertThat(analyst.get("/api/investigations/999999").status()).isEqualTo(404);

        Http viewer = http.as(Role.VIEWER);
        assertThat(viewer.postJson("/api/investigations", "{\"title\": \"x\"}").status()).isEqualTo(403);
        assertThat(viewer.putJson("/api/investigations/" + id, "{\"title\": \"x\"}").status()).isEqualTo(403);
        assertThat(viewer.postJson("/api/investigations/" + id + "/share", "{}").status()).isEqualTo(403);
        assertThat(viewer.get("/api/investigations/" + id).status()).isEqualTo(200);
        assertThat(http.anonymous().get("/api/investigations").status()).isEqualTo(401);
    }

    @Test
    void a_stale_edit_answers_409_with_what_stands_and_changes_nothing() {
        long id = create(analyst, "Concurrent");
        var first = analyst.putJson("/api/investigations/" + id,
                "{\"status\": \"concluded\", \"conclusion\": \"The **price table** was stale.\","
                        + " \"rootCauseKind\": \"outdated_retrieval\", \"version\": 0}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("version").asLong()).isEqualTo(1);

        var stale = http.putJson("/api/investigations/" + id, "{\"conclusion\": \"mine\", \"version\": 0}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().at("/current/conclusion").asString()).isEqualTo("The **price table** was stale.");
        assertThat(stale.json().at("/current/updatedBy").asString()).isEqualTo(first.json().get("updatedBy")
                .asString());
        assertThat(http.get("/api/investigations/" + id).json().get("conclusion").asString())
                .isEqualTo("The **price table** was stale.");

        var audit = http.get("/api/audit?kind=investigation").json();
        assertThat(audit.get("items").toString()).contains("investigation " + id).contains("status")
                .contains("conclusion");
    }

    @Test
    void the_share_link_opens_only_the_investigation_without_a_login_and_revoking_it_answers_404() throws Exception {
        imported("exp-inv-api-3", "s-inv-3", "0000000000000000000003a3");
        long id = create(analyst, "Shared <script>alert(1)</script>");
        analyst.postJson("/api/investigations/" + id + "/pins", "{\"experimentId\": \"exp-inv-api-3\","
                + " \"sessionId\": \"s-inv-3\", \"turn\": 3, \"quote\": \"<img src=x onerror=alert(1)>\"}");

        var share = analyst.postJson("/api/investigations/" + id + "/share", "{}");
        assertThat(share.status()).isEqualTo(201);
        String url = share.json().get("url").asString();
        assertThat(url).startsWith(baseUrl() + "/share/");

        var page = anonymousGet(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Shared &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<script").doesNotContain("<img")
                .doesNotContain("/sessions/");   // nothing of the app beyond the investigation
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(anonymousGet(baseUrl() + "/share/not-a-token").statusCode()).isEqualTo(404);
        // the rest of the app still needs a login
        assertThat(anonymousGet(baseUrl() + "/investigations/" + id).statusCode()).isIn(302, 401, 403);
        assertThat(anonymousGet(baseUrl() + "/api/investigations/" + id).statusCode()).isEqualTo(401);

        assertThat(analyst.delete("/api/investigations/" + id + "/share").status()).isEqualTo(204);
        assertThat(anonymousGet(url).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/audit?kind=investigation-share").json().get("items").toString())
                .contains("revoked").contains("created");
    }

    @Test
    void the_html_export_is_self_contained_and_escaped_and_the_markdown_export_quotes_the_evidence() throws Exception {
        imported("exp-inv-api-4", "s-inv-4", "0000000000000000000004a4");
        long id = create(analyst, "Export");
        analyst.postJson("/api/investigations/" + id + "/pins", "{\"experimentId\": \"exp-inv-api-4\","
                + " \"sessionId\": \"s-inv-4\", \"turn\": 2, \"quote\": \"<b>bold</b> & more\"}");
        analyst.putJson("/api/investigations/" + id, "{\"conclusion\": \"Found it <script>x()</script> **here**\"}");

        var html = http.get("/api/investigations/" + id + "/export?format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<style>")
                .contains("&lt;b&gt;bold&lt;/b&gt; &amp; more").contains("<strong>here</strong>")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=")
                .contains("@media print");
        var md = http.get("/api/investigations/" + id + "/export?format=md");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.body()).startsWith("# Export").contains("turn 2").contains("> &lt;b&gt;bold");
        assertThat(http.get("/api/investigations/" + id + "/export?format=pdf").status()).isEqualTo(400);
    }
}
