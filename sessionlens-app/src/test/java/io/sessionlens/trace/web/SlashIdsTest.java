package io.sessionlens.trace.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Unity Catalog trace ids ({@code trace:/catalog.schema/<hex>}) and session ids with slashes open like any other. */
public class SlashIdsTest extends AppTestBase {
    public static final String TRACE_ID = "trace:/main.agents/00000000000000000000000000cc0001";
    public static final String SESSION_ID = "team-a/chat-7";
    public static final String EXPERIMENT = "exp-slash";

    public static String export() {
        return Fixtures.trace(TRACE_ID, EXPERIMENT, SESSION_ID, "2026-04-01T10:00:00Z", "u-slash",
                "Where is my parcel?",
                "It left the depot today.", "");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void a_unity_catalog_trace_id_and_a_session_id_with_slashes_can_be_looked_up() {
        var http = new Http(baseUrl());
        assertThat(http.postJson("/api/imports", export()).status()).isEqualTo(200);

        for (String path : new String[]{"/api/traces/" + enc(TRACE_ID), "/api/traces/" + TRACE_ID}) {
            Http.Answer a = http.get(path);
            assertThat(a.status()).as(path).isEqualTo(200);
            assertThat(a.json().at("/info/trace_id").asString()).isEqualTo(TRACE_ID);
        }
        JsonNode session = http.get("/api/sessions/" + enc(SESSION_ID) + "?experimentId=" + EXPERIMENT).json();
        assertThat(session.get("sessionId").asString()).isEqualTo(SESSION_ID);
        assertThat(session.at("/turns/0/traceId").asString()).isEqualTo(TRACE_ID);
        assertThat(session.at("/turns/0/userText").asString()).isEqualTo("Where is my parcel?");
        Http.Answer md = http.get("/api/sessions/" + enc(SESSION_ID) + "/transcript.md?experimentId=" + EXPERIMENT);
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.body()).contains("It left the depot today.");
        assertThat(http.get("/api/traces/" + enc("trace:/main.agents/ffff")).status()).isEqualTo(404);
    }
}
