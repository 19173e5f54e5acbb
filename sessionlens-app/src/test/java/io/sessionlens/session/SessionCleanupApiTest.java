package io.sessionlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deleting a session through the API, and the retention that deletes old sessions. */
class SessionCleanupApiTest extends AppTestBase {
    @Autowired RetentionJob retention;

    static String traceId() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return "tr-" + HexFormat.of().formatHex(b);
    }

    static String session(String exp, String session, String... times) {
        StringBuilder sb = new StringBuilder();
        for (String t : times)
            sb.append(Fixtures.trace(traceId(), exp, session, t, "ana", "q " + t, "a " + t, "").replace("\n", " "))
                    .append('\n');
        return sb.toString();
    }

    @Test
    void a_deleted_session_is_gone_from_the_session_api_and_the_list() {
        var http = new Http(baseUrl());
        String exp = "exp-delete-" + UUID.randomUUID();
        assertThat(http.postJson("/api/imports", session(exp, "s-del", "2025-11-03T10:00:00Z", "2025-11-03T10:01:00Z",
                "2025-11-03T10:02:00Z") + session(exp, "s-stays", "2025-11-03T12:00:00Z")).status()).isEqualTo(200);
        assertThat(http.get("/api/sessions?experimentId=" + exp).json().get("total").asInt()).isEqualTo(2);

        var d = http.delete("/api/sessions/s-del?experimentId=" + exp);
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        assertThat(d.json().get("deletedTraces").asInt()).isEqualTo(3);
        assertThat(http.get("/api/sessions/s-del?experimentId=" + exp).status()).isEqualTo(404);
        var list = http.get("/api/sessions?experimentId=" + exp).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/items/0/sessionId").asString()).isEqualTo("s-stays");
        assertThat(http.delete("/api/sessions/s-del?experimentId=" + exp).status()).isEqualTo(404);
    }

    @Test
    void a_session_id_in_two_experiments_is_only_deleted_with_its_experiment_named() {
        var http = new Http(baseUrl());
        String sid = "s-twice-" + UUID.randomUUID();
        String a = "exp-a-" + UUID.randomUUID(), b = "exp-b-" + UUID.randomUUID();
        http.postJson("/api/imports",
                session(a, sid, "2025-11-04T10:00:00Z") + session(b, sid, "2025-11-04T11:00:00Z"));
        var ambiguous = http.delete("/api/sessions/" + sid);
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("error").asString()).contains(a).contains(b).contains("experimentId");
        assertThat(http.delete("/api/sessions/" + sid + "?experimentId=" + a).status()).isEqualTo(200);
        assertThat(http.get("/api/sessions/" + sid + "?experimentId=" + b).status()).isEqualTo(200);
        assertThat(http.delete("/api/sessions/" + sid).status()).as("unambiguous now").isEqualTo(200);
    }

    @Test
    void the_retention_deletes_the_sessions_whose_last_turn_is_older_and_keeps_the_rest() {
        var http = new Http(baseUrl());
        String exp = "exp-retention-" + UUID.randomUUID();
        // Long ago, so no other test's sessions are that old; the session that ends after the cutoff stays whole.
        http.postJson("/api/imports", session(exp, "s-old", "1900-01-01T10:00:00Z", "1900-01-02T10:00:00Z")
                + session(exp, "s-spans-cutoff", "1900-01-01T10:00:00Z", "1900-12-01T10:00:00Z")
                + session(exp, "s-recent", "2025-11-05T10:00:00Z"));
        assertThat(http.get("/api/sessions?experimentId=" + exp).json().get("total").asInt()).isEqualTo(3);

        int days = (int) Duration.between(Instant.parse("1900-06-01T00:00:00Z"), Instant.now()).toDays();
        assertThat(retention.apply(days)).isGreaterThanOrEqualTo(1);

        assertThat(http.get("/api/sessions/s-old?experimentId=" + exp).status()).isEqualTo(404);
        assertThat(http.get("/api/sessions/s-spans-cutoff?experimentId=" + exp).json().get("turns")).hasSize(2);
        assertThat(http.get("/api/sessions/s-recent?experimentId=" + exp).status()).isEqualTo(200);
        assertThat(http.get("/api/sessions?experimentId=" + exp).json().get("total").asInt()).isEqualTo(2);
    }
}
