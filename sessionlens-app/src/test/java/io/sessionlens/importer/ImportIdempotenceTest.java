package io.sessionlens.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import io.sessionlens.trace.StoreOutcome;
import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.TraceStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue #10: an unchanged trace stays "unchanged" however it comes back: the same file again, the trace as the
 * database gives it back (what a restart sees), or the trace as SessionLens exports it.
 */
public class ImportIdempotenceTest extends AppTestBase {
    @Autowired TraceService traces;
    @Autowired TraceStore store;

    /** A trace whose span failed with an exception event of several attributes, the case that came back "updated". */
    public static String withExceptionEvent(String traceId, String experiment) {
        String t = Fixtures.trace(traceId, experiment, "s-exc", "2025-11-03T10:00:00Z", "ana", "q", "a", "");
        int events = t.lastIndexOf("\"events\": []");   // the second span's
        t = t.substring(0, events) + """
                "events": [{"name": "exception", "time_unix_nano": 1761106495000000000, "attributes": {
                   "exception.type": "ValueError", "exception.message": "bad input", "exception.escaped": "False",
                   "exception.stacktrace": "Traceback (most recent call last):\\n  File \\"app.py\\", line 3"}}]"""
                + t.substring(events + "\"events\": []".length());
        return t.replace("\"mlflow.spanType\": \"\\\"CHAT_MODEL\\\"\"",
                "\"mlflow.spanType\": \"\\\"CHAT_MODEL\\\"\", \"b\": \"2\", \"a\": \"1\"");
    }

    /** Shared with PostgresProfileTest. */
    public static void assertReimportsAreUnchanged(Http http, String traceId, String experiment) {
        String file = withExceptionEvent(traceId, experiment);
        assertThat(file).contains("exception.stacktrace");
        var first = http.postJson("/api/imports", file);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("tracesImported").asInt()).isEqualTo(1);

        JsonNode again = http.postJson("/api/imports", file).json();
        assertThat(again.get("tracesUpdated").asInt()).isZero();
        assertThat(again.get("tracesUnchanged").asInt()).isEqualTo(1);

        var exported = http.get("/api/traces/" + traceId);
        assertThat(exported.body()).contains("exception.stacktrace");
        JsonNode reimported = http.postJson("/api/imports", exported.body()).json();
        assertThat(reimported.get("tracesUpdated").asInt()).as(exported.body()).isZero();
        assertThat(reimported.get("tracesUnchanged").asInt()).isEqualTo(1);
    }

    @Test
    void a_trace_with_an_exception_event_is_unchanged_on_every_reimport() {
        assertReimportsAreUnchanged(new Http(baseUrl()), "tr-e0000000000000000000000000000001", "exp-idem");
    }

    @Test
    void the_trace_as_the_database_gives_it_back_is_unchanged() {
        String traceId = "tr-e0000000000000000000000000000002";
        new Http(baseUrl()).postJson("/api/imports", withExceptionEvent(traceId, "exp-idem-db"));
        var readBack = traces.find(traceId).orElseThrow();
        assertThat(readBack.spans().get(1).events()).hasSize(1);
        assertThat(store.store(List.of(readBack)).outcomes()).containsEntry(traceId, StoreOutcome.UNCHANGED);
    }
}
