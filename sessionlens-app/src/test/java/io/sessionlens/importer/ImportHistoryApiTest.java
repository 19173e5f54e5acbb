package io.sessionlens.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The import history through the API: what each import did, and deleting one again without touching the others. */
class ImportHistoryApiTest extends AppTestBase {
    Http http;

    static String traceId() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return "tr-" + HexFormat.of().formatHex(b);
    }

    static String lines(String... traces) {
        StringBuilder sb = new StringBuilder();
        for (String t : traces) sb.append(t.replace("\n", " ")).append('\n');
        return sb.toString();
    }

    JsonNode imported(String body) {
        var a = http.postJson("/api/imports", body);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    JsonNode historyEntry(long id) {
        for (JsonNode i : http.get("/api/imports").json().get("imports"))
            if (i.get("id").asLong() == id) return i;
        return null;
    }

    @Test
    void deleting_an_import_removes_its_traces_keeps_those_another_import_delivered_and_reindexes_the_sessions() {
        http = new Http(baseUrl());
        String exp = "exp-history-" + UUID.randomUUID();
        String a1 = traceId(), a2 = traceId(), a3 = traceId(), b1 = traceId();
        String t1 = Fixtures.trace(a1, exp, "s-one", "2025-11-02T10:01:00Z", "ana", "first", "1", "");
        String t2 = Fixtures.trace(a2, exp, "s-one", "2025-11-02T10:02:00Z", "ana", "second", "2", "");
        String t3 = Fixtures.trace(a3, exp, "s-two", "2025-11-02T11:00:00Z", "bo", "other", "3", "");
        String t4 = Fixtures.trace(b1, exp, "s-one", "2025-11-02T10:03:00Z", "ana", "third", "4", "");

        JsonNode first = imported(lines(t1, t2, t3));
        long firstId = first.get("importId").asLong();
        JsonNode second = imported(lines(t3, t4));   // t3 again (unchanged), and a third turn of s-one
        long secondId = second.get("importId").asLong();
        assertThat(secondId).isNotEqualTo(firstId);

        JsonNode one = historyEntry(firstId);
        assertThat(one).as("the first import is listed").isNotNull();
        assertThat(one.get("tracesImported").asInt()).isEqualTo(3);
        assertThat(one.get("sessions").asInt()).isEqualTo(2);
        assertThat(one.get("tracesStillStored").asInt()).isEqualTo(3);
        assertThat(one.get("files")).hasSize(1);
        assertThat(one.get("finishedAt").isNull()).isFalse();
        JsonNode two = historyEntry(secondId);
        assertThat(two.get("tracesImported").asInt()).isEqualTo(1);
        assertThat(two.get("tracesUnchanged").asInt()).isEqualTo(1);
        // newest first
        assertThat(http.get("/api/imports").json().get("imports").get(0).get("id").asLong())
                .isGreaterThanOrEqualTo(secondId);

        var deleted = http.delete("/api/imports/" + firstId);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("traces").asInt()).as("a1 and a2; a3 came with the second import too")
                .isEqualTo(2);
        assertThat(deleted.json().get("keptTraces").asInt()).isEqualTo(1);
        assertThat(deleted.json().get("sessions").asInt()).isEqualTo(1);

        assertThat(http.get("/api/traces/" + a1).status()).isEqualTo(404);
        assertThat(http.get("/api/traces/" + a2).status()).isEqualTo(404);
        assertThat(http.get("/api/traces/" + a3).status()).isEqualTo(200);
        JsonNode list = http.get("/api/sessions?experimentId=" + exp).json();
        assertThat(list.get("total").asInt()).isEqualTo(2);
        JsonNode sOne = http.get("/api/sessions/s-one?experimentId=" + exp).json();
        assertThat(sOne.get("turns")).as("s-one keeps the turn of the second import, re-indexed").hasSize(1);
        assertThat(sOne.get("turnCount").asInt()).isEqualTo(1);
        for (JsonNode item : list.get("items"))
            if (item.get("sessionId").asString().equals("s-one"))
                assertThat(item.get("turnCount").asInt()).isEqualTo(1);

        assertThat(historyEntry(firstId)).as("gone from the history").isNull();
        assertThat(http.delete("/api/imports/" + firstId).status()).isEqualTo(404);
        assertThat(http.delete("/api/imports/not-a-number").status()).isEqualTo(400);

        // the second import, deleted too, takes the rest: no ghost sessions in the list
        var rest = http.delete("/api/imports/" + secondId);
        assertThat(rest.json().get("traces").asInt()).isEqualTo(2);
        assertThat(http.get("/api/sessions?experimentId=" + exp).json().get("total").asInt()).isZero();
        assertThat(http.get("/api/sessions/s-two?experimentId=" + exp).status()).isEqualTo(404);
    }

    @Test
    void an_import_that_stored_nothing_is_not_kept_in_the_history() {
        http = new Http(baseUrl());
        int before = http.get("/api/imports").json().get("imports").size();
        var png = http.post("/api/imports", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13},
                "application/json");
        assertThat(png.status()).isEqualTo(400);
        assertThat(png.json().get("error").asString()).contains("this is a PNG image, not an MLflow export")
                .doesNotContain("CTRL-CHAR");
        assertThat(png.json().at("/report/importId").isNull()).isTrue();
        assertThat(http.get("/api/imports").json().get("imports").size()).isEqualTo(before);
    }
}
