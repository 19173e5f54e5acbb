package io.sessionlens.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue #10: one trace that cannot be stored or read costs only itself, and every trace of a file is accounted for
 * (read, stored, rejected, or "not read" after the point where reading stopped). Real HTTP, real H2 file database;
 * {@code PostgresProfileTest} runs the same files on PostgreSQL.
 */
public class ImportIsolationTest extends AppTestBase {
    Http http;

    @BeforeEach
    void client() {
        http = new Http(baseUrl());
    }

    /** A trace id of this test: a prefix of letters, then the number as hex, 32 hex digits in all. */
    public static String id(String prefix, int n) {
        return "tr-" + prefix + ("%0" + (32 - prefix.length()) + "x").formatted(n);
    }

    public static String trace(String traceId, String experiment, String session, String user) {
        return Fixtures.trace(traceId, experiment, session, "2025-11-02T10:00:00Z", user, "question", "answer", "");
    }

    /** 2,000 good traces, but the 1,000th has a 500-character session id (the column holds 400). */
    public static String twoThousandWithOneLongSessionId(String prefix, String experiment) {
        List<String> traces = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            traces.add(trace(id(prefix, i), experiment, i == 1000 ? "s".repeat(500) : "s-" + (i % 40), "ana"));
        }
        return "[" + String.join(",\n", traces) + "]";
    }

    @Test
    void a_2000_trace_file_with_one_over_long_session_id_stores_1999_and_names_the_one() {
        var a = http.postJson("/api/imports", twoThousandWithOneLongSessionId("a1", "exp-iso-2000"));
        assertOnlyTheLongSessionIdWasLost(a, "a1");
        assertThat(http.get("/api/sessions?experimentId=exp-iso-2000&size=100").json().get("total").asInt())
                .isEqualTo(40);
    }

    /** Shared with PostgresProfileTest: what the user is told about the 2,000-trace file. */
    public static void assertOnlyTheLongSessionIdWasLost(Http.Answer a, String prefix) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode file = a.json().at("/files/0");
        assertThat(file.get("read").asInt()).isEqualTo(2000);
        assertThat(file.get("traces").asInt()).isEqualTo(1999);
        assertThat(file.get("rejected").asInt()).isEqualTo(1);
        assertThat(file.get("stoppedReading").isNull()).isTrue();
        assertThat(a.json().get("tracesImported").asInt()).isEqualTo(1999);
        assertThat(file.get("errors")).hasSize(1);
        JsonNode error = file.at("/errors/0");
        assertThat(error.get("trace").asString()).isEqualTo(id(prefix, 1000));
        assertThat(error.get("message").asString())
                .isEqualTo(
                        "the session id is 500 characters long; at most 400 can be stored, so the trace was not stored");
    }

    @Test
    void each_over_long_id_or_name_costs_only_its_own_trace_and_is_named_with_field_and_limit() {
        String exp = "exp-iso-fields";
        String assessment = """
                {"assessment_id": "a-1", "assessment_name": "%s", "source": {"source_type": "LLM_JUDGE", "source_id": "gpt"},
                 "feedback": {"value": "no"}}"""
                .formatted("n".repeat(5000));
        List<String> traces = List.of(
                trace(id("f", 1), exp, "s-1", "ana"),
                trace(id("f", 2), exp, "s-1", "u".repeat(5000)),
                trace(id("f", 3), exp, "s-1", "ana").replace("\"span_id\": \"AAAAAAAAAAI=\"",
                        "\"span_id\": \"span-" + "x".repeat(7495) + "\""),
                trace(id("f", 4), exp, "s-1", "ana").replace("\"name\": \"llm\"",
                        "\"name\": \"" + "m".repeat(1024 * 1024) + "\""),
                Fixtures.trace(id("f", 5), exp, "s-1", "2025-11-02T10:00:00Z", "ana", "q", "a", assessment),
                trace(id("f", 6), exp, "s-1", "ana"));
        var a = http.postJson("/api/imports", "[" + String.join(",", traces) + "]");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode file = a.json().at("/files/0");
        assertThat(file.get("read").asInt()).isEqualTo(6);
        assertThat(file.get("traces").asInt()).isEqualTo(2);
        assertThat(file.get("rejected").asInt()).isEqualTo(4);
        assertThat(file.get("errors").valueStream()
                .map(e -> e.get("trace").asString() + ": " + e.get("message").asString()))
                .containsExactly(
                        id("f", 2)
                                + ": the user is 5,000 characters long; at most 400 can be stored, so the trace was not stored",
                        id("f", 3)
                                + ": the span id of span #2 is 7,500 characters long; at most 128 can be stored, so the trace was not stored",
                        id("f", 4)
                                + ": the name of span #2 is 1,048,576 characters long; at most 2,000 can be stored, so the trace was not stored",
                        id("f", 5)
                                + ": the name of assessment #1 is 5,000 characters long; at most 1,000 can be stored, so the trace was not stored");
        assertThat(a.body()).doesNotContainIgnoringCase("insert").doesNotContain("Exception").doesNotContain("_record");
        assertThat(http.get("/api/traces/" + id("f", 6)).status()).isEqualTo(200);
        assertThat(http.get("/api/traces/" + id("f", 2)).status()).isEqualTo(404);
    }

    @Test
    void an_over_long_trace_id_is_named_by_its_beginning_and_length() {
        String longId = "tr-" + "0".repeat(497);
        var a = http.postJson("/api/imports", "[" + trace(longId, "exp-iso-id", "s", "ana") + ","
                + trace(id("i", 1), "exp-iso-id", "s", "ana") + "]");
        JsonNode file = a.json().at("/files/0");
        assertThat(file.get("traces").asInt()).isEqualTo(1);
        assertThat(file.at("/errors/0/trace").asString()).isEqualTo(longId.substring(0, 60) + "… (500 characters)");
        assertThat(file.at("/errors/0/message").asString())
                .startsWith("the trace id is 500 characters long; at most 400");
    }

    @Test
    void a_syntax_error_mid_array_says_where_reading_stopped_and_that_the_rest_was_not_read() {
        String exp = "exp-iso-stop";
        String good = String.join(",",
                IntStream.rangeClosed(1, 300).mapToObj(i -> trace(id("c", i), exp, "s", "ana")).toList());
        String rest = String.join(",",
                IntStream.rangeClosed(302, 400).mapToObj(i -> trace(id("c", i), exp, "s", "ana")).toList());
        var a = http.postJson("/api/imports", "[" + good + ", {\"info\": {\"trace_id\": \"tr-broken\" ]," + rest + "]");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode file = a.json().at("/files/0");
        assertThat(file.get("traces").asInt()).isEqualTo(300);
        assertThat(file.get("read").asInt()).isEqualTo(300);
        assertThat(file.get("stoppedReading").asString())
                .startsWith("at trace #301: not JSON: found ']' where '}' was expected")
                .endsWith("; the rest of the file was not read");
        assertThat(file.at("/errors/0/trace").asString()).isEqualTo("trace #301");
        assertThat(file.at("/errors/0/message").asString()).startsWith("reading stopped here: not JSON:");
    }

    @Test
    void a_60000_character_attribute_key_in_trace_3_of_5_imports_with_the_others() {
        String exp = "exp-iso-key";
        String key = "k".repeat(60_000);
        List<String> traces = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String t = trace(id("b", i), exp, "s", "ana");
            if (i == 3) t = t.replace("\"mlflow.spanType\": \"\\\"CHAT_MODEL\\\"\"", "\"" + key + "\": \"v\"");
            traces.add(t);
        }
        var a = http.postJson("/api/imports", "[" + String.join(",", traces) + "]");
        JsonNode file = a.json().at("/files/0");
        assertThat(file.get("traces").asInt()).isEqualTo(5);
        assertThat(file.get("errors")).isEmpty();
        var back = http.get("/api/traces/" + id("b", 3));   // read as text: the test's own JSON reader stops at 50,000
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body().replace(" ", "")).contains("\"" + key + "\":\"v\"");
    }

    @Test
    void a_key_beyond_the_string_limit_stops_reading_there_and_says_the_rest_was_not_read() {
        String exp = "exp-iso-key2";
        List<String> traces = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String t = trace(id("bb", i), exp, "s", "ana");
            if (i == 3)
                t = t.replace("\"mlflow.spanType\": \"\\\"CHAT_MODEL\\\"\"",
                        "\"" + "k".repeat(32 * 1024 * 1024 + 1) + "\": \"v\"");
            traces.add(t);
        }
        var a = http.postJson("/api/imports", "[" + String.join(",", traces) + "]");
        JsonNode file = a.json().at("/files/0");
        assertThat(file.get("traces").asInt()).isEqualTo(2);
        assertThat(file.at("/errors/0/trace").asString()).isEqualTo("trace #3");
        assertThat(file.get("stoppedReading").asString())
                .startsWith("at trace #3: a key longer than 33,554,432 characters")
                .endsWith("the rest of the file was not read");
    }
}
