package io.sessionlens.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON API of issue #2, end to end on the real H2 file database. */
class ImportApiTest extends AppTestBase {
    Http http;

    @BeforeEach
    void client() {
        http = new Http(baseUrl());
    }

    @Test
    void every_real_mlflow_trace_fixture_imports_and_reimporting_changes_nothing() {
        List<String> fixtures = Fixtures.ONE_TRACE_REAL_EXPORTS;
        for (String f : fixtures) {
            var a = http.post("/api/imports", Fixtures.bytes("mlflow-real/" + f), "application/json");
            assertThat(a.status()).as(f + ": " + a.body()).isEqualTo(200);
            JsonNode r = a.json();
            assertThat(r.get("tracesImported").asInt() + r.get("tracesUnchanged").asInt()).as(f).isEqualTo(1);
            assertThat(r.get("files").get(0).get("errors")).as(f).isEmpty();
        }
        for (String f : fixtures) {
            JsonNode again = http.post("/api/imports", Fixtures.bytes("mlflow-real/" + f), "application/json").json();
            assertThat(again.get("tracesImported").asInt()).as(f).isZero();
            assertThat(again.get("tracesUpdated").asInt()).as(f).isZero();
            assertThat(again.get("tracesUnchanged").asInt()).as(f).isEqualTo(1);
        }
        // the v2 trace keeps its MLflow request id, and comes back as ≥3.6 JSON with both spans
        JsonNode v2 = http.get("/api/traces/58f4e27101304034b15c512b603bf1b2").json();
        assertThat(v2.at("/info/trace_id").asString()).isEqualTo("58f4e27101304034b15c512b603bf1b2");
        assertThat(v2.at("/data/spans")).hasSize(2);
        JsonNode v34 = http.get("/api/traces/tr-ee17184669c265ffdcf9299b36f6dccc").json();
        assertThat(v34.at("/data/spans/0/span_id").asString()).isEqualTo("3ElmHER9IVU=");
        assertThat(v34.at("/data/spans/0/parent_span_id").isNull()).isTrue();
    }

    @Test
    void truncated_json_answers_400_naming_the_defect() {
        var a = http.postJson("/api/imports", "{\"info\": {\"trace_id\": \"tr-1\"");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asString()).isNotBlank();
    }

    @Test
    void a_session_split_across_two_files_is_one_session_with_turns_in_request_time_order() {
        String exp = "exp-split";
        String t3 = Fixtures.trace("tr-00000000000000000000000000000a03", exp, "s-split", "2025-10-22T10:03:00Z", "ana",
                "third", "3", "");
        String t1 = Fixtures.trace("tr-00000000000000000000000000000a01", exp, "s-split", "2025-10-22T10:01:00Z", "ana",
                "first", "1", "");
        String t2 = Fixtures.trace("tr-00000000000000000000000000000a02", exp, "s-split", "2025-10-22T10:02:00Z", "ana",
                "second", "2", "");
        // file one: JSON Lines with turns 3 and 1 (out of order); file two: the search envelope with turn 2
        var first = http.postJson("/api/imports", t3.replace("\n", " ") + "\n" + t1.replace("\n", " ") + "\n");
        var second = http.postJson("/api/imports", "{\"traces\": [" + t2 + "], \"next_page_token\": null}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);

        JsonNode s = http.get("/api/sessions/s-split?experimentId=" + exp).json();
        assertThat(s.get("turns")).hasSize(3);
        assertThat(s.get("turns").get(0).get("traceId").asString()).isEqualTo("tr-00000000000000000000000000000a01");
        assertThat(s.get("turns").get(1).get("traceId").asString()).isEqualTo("tr-00000000000000000000000000000a02");
        assertThat(s.get("turns").get(2).get("index").asInt()).isEqualTo(3);
        assertThat(s.get("user").asString()).isEqualTo("ana");

        JsonNode list = http.get("/api/sessions?experimentId=" + exp).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/items/0/turnCount").asInt()).isEqualTo(3);
    }

    /**
     * Issue #14: the session index takes a batch's turns from the writer when they are the whole session; a session
     * that also has traces stored before, or lost one to another session, is counted from what is stored.
     */
    @Test
    void a_trace_moved_to_another_session_leaves_the_old_one_and_counts_in_the_new_one() {
        String exp = "exp-move";
        String a1 = Fixtures.trace("tr-00000000000000000000000000000f01", exp, "s-old", "2025-10-27T10:00:00Z", "eve",
                "one", "1", "");
        String a2 = Fixtures.trace("tr-00000000000000000000000000000f02", exp, "s-old", "2025-10-27T10:01:00Z", "eve",
                "two", "2", "");
        String b1 = Fixtures.trace("tr-00000000000000000000000000000f03", exp, "s-new", "2025-10-27T09:00:00Z", "eve",
                "zero", "0", "");
        assertThat(http.postJson("/api/imports", "{\"traces\": [" + a1 + "," + a2 + "," + b1 + "]}").status())
                .isEqualTo(200);
        // the second turn of s-old comes back as a turn of s-new
        var moved = http.postJson("/api/imports", "{\"traces\": [" + a2.replace("s-old", "s-new") + "]}");
        assertThat(moved.json().get("tracesUpdated").asInt()).as(moved.body()).isEqualTo(1);

        JsonNode old = http.get("/api/sessions/s-old?experimentId=" + exp).json();
        assertThat(old.get("turns")).hasSize(1);
        JsonNode now = http.get("/api/sessions/s-new?experimentId=" + exp).json();
        assertThat(now.get("turns")).extracting(t -> t.get("traceId").asString()).containsExactly(
                "tr-00000000000000000000000000000f03", "tr-00000000000000000000000000000f02");
        JsonNode list = http.get("/api/sessions?experimentId=" + exp).json();
        assertThat(list.get("items")).extracting(i -> i.get("sessionId").asString() + "=" + i.get("turnCount").asInt())
                .containsExactlyInAnyOrder("s-new=2", "s-old=1");
    }

    @Test
    void turns_with_the_same_request_time_are_ordered_by_trace_id_in_one_import_as_in_two() {
        String exp = "exp-tie";
        String b = Fixtures.trace("tr-00000000000000000000000000000f12", exp, "s-tie", "2025-10-28T10:00:00Z", "fay",
                "b", "b", "");
        String a = Fixtures.trace("tr-00000000000000000000000000000f11", exp, "s-tie", "2025-10-28T10:00:00Z", "fay",
                "a", "a", "");
        assertThat(http.postJson("/api/imports", "{\"traces\": [" + b + "," + a + "]}").status()).isEqualTo(200);
        JsonNode s = http.get("/api/sessions/s-tie?experimentId=" + exp).json();
        assertThat(s.get("turns")).extracting(t -> t.get("traceId").asString())
                .containsExactly("tr-00000000000000000000000000000f11", "tr-00000000000000000000000000000f12");
        JsonNode list = http.get("/api/sessions?experimentId=" + exp).json();
        assertThat(list.at("/items/0/turnCount").asInt()).isEqualTo(2);
        assertThat(list.at("/items/0/firstInput").asString()).isEqualTo("a");
    }

    @Test
    void a_trace_whose_assessments_changed_is_updated_not_duplicated() {
        String exp = "exp-update";
        String before = Fixtures.trace("tr-00000000000000000000000000000b01", exp, "s-upd", "2025-10-23T10:00:00Z",
                "bo", "hi", "hello", "");
        String judged = Fixtures.trace("tr-00000000000000000000000000000b01", exp, "s-upd", "2025-10-23T10:00:00Z",
                "bo", "hi", "hello",
                """
                        {"assessment_id": "a-1", "assessment_name": "correctness", "trace_id": "tr-00000000000000000000000000000b01",
                         "source": {"source_type": "LLM_JUDGE", "source_id": "gpt"}, "feedback": {"value": "no"},
                         "rationale": "The greeting ignores the question."}""");
        assertThat(http.postJson("/api/imports", before).json().get("tracesImported").asInt()).isEqualTo(1);
        JsonNode r = http.postJson("/api/imports", judged).json();
        assertThat(r.get("tracesUpdated").asInt()).isEqualTo(1);
        assertThat(r.get("tracesImported").asInt()).isZero();
        JsonNode trace = http.get("/api/traces/tr-00000000000000000000000000000b01").json();
        assertThat(trace.at("/info/assessments/0/rationale").asString())
                .isEqualTo("The greeting ignores the question.");
        assertThat(http.get("/api/sessions?experimentId=" + exp).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void a_trace_without_a_session_id_is_a_one_turn_session_of_its_own() {
        String exp = "exp-standalone";
        String t = Fixtures.trace("tr-00000000000000000000000000000c01", exp, null, "2025-10-24T10:00:00Z", "cy",
                "alone", "yes", "");
        assertThat(http.postJson("/api/imports", t).status()).isEqualTo(200);
        JsonNode list = http.get("/api/sessions?experimentId=" + exp).json();
        assertThat(list.at("/items/0/sessionId").asString()).isEqualTo("tr-00000000000000000000000000000c01");
        assertThat(list.at("/items/0/standalone").asBoolean()).isTrue();
        assertThat(list.at("/items/0/turnCount").asInt()).isEqualTo(1);
    }

    @Test
    void multipart_with_a_zip_and_a_broken_file_imports_the_good_traces_and_names_the_broken_file() throws Exception {
        String exp = "exp-multi";
        String good = Fixtures.trace("tr-00000000000000000000000000000d01", exp, "s-m", "2025-10-25T10:00:00Z", "di",
                "a", "b", "");
        var zipBytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new ZipEntry("export/turn1.json"));
            zip.write(good.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String boundary = "----sessionlens";
        var body = new ByteArrayOutputStream();
        part(body, boundary, "traces.zip", "application/zip", zipBytes.toByteArray());
        part(body, boundary, "broken.json", "application/json", "{\"traces\": [".getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var a = http.post("/api/imports", body.toByteArray(), "multipart/form-data; boundary=" + boundary);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode r = a.json();
        assertThat(r.get("tracesImported").asInt() + r.get("tracesUnchanged").asInt()).isEqualTo(1);
        List<String> names = new ArrayList<>();
        r.get("files").forEach(f -> names.add(f.get("name").asString()));
        assertThat(names).containsExactly("traces.zip", "broken.json");
        assertThat(r.at("/files/1/errors/0/message").asString()).isNotBlank();
        assertThat(r.at("/files/1/traces").asInt()).isZero();
    }

    @Test
    void each_file_reports_its_own_new_and_unchanged_traces_and_sessions() throws Exception {
        String exp = "exp-per-file";
        String first = Fixtures.trace("tr-00000000000000000000000000000e01", exp, "s-pf-1", "2025-10-26T10:00:00Z",
                "di", "a", "b", "");
        String second = Fixtures.trace("tr-00000000000000000000000000000e02", exp, "s-pf-2", "2025-10-26T11:00:00Z",
                "di", "c", "d", "");
        assertThat(http.postJson("/api/imports", first).status()).isEqualTo(200);
        String boundary = "----sessionlens-per-file";
        var body = new ByteArrayOutputStream();
        part(body, boundary, "again.json", "application/json", first.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "new.json", "application/json", second.getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode r = http.post("/api/imports", body.toByteArray(), "multipart/form-data; boundary=" + boundary).json();
        assertThat(r.at("/files/0/name").asString()).isEqualTo("again.json");
        assertThat(r.at("/files/0/unchanged").asInt()).isEqualTo(1);
        assertThat(r.at("/files/0/imported").asInt()).isZero();
        assertThat(r.at("/files/1/name").asString()).isEqualTo("new.json");
        assertThat(r.at("/files/1/imported").asInt()).isEqualTo(1);
        assertThat(r.at("/files/1/unchanged").asInt()).isZero();
        assertThat(r.at("/files/1/sessions").asInt()).isEqualTo(1);
        assertThat(r.get("tracesImported").asInt()).isEqualTo(1);
        assertThat(r.get("tracesUnchanged").asInt()).isEqualTo(1);
        assertThat(r.get("sessions")).hasSize(2);
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String type, byte[] content)
            throws Exception {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
