package io.sessionlens.session.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.importer.read.ExportReader;
import io.sessionlens.importer.read.ReadListener;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceStore;
import io.sessionlens.trace.model.Trace;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;

/**
 * Issue #10: the server stops while an import is storing a session (the first batch stored, the rest never read). After
 * the restart the session says its import was interrupted, in the list and in the session document, until an import
 * that finishes stores its traces again.
 */
public class InterruptedImportTest extends AppTestBase {
    static final String EXPERIMENT = "exp-interrupted";

    @Autowired TraceStore store;
    @Autowired InterruptedImports interruptedImports;
    @Autowired SessionAnalysisWorker worker;
    @Autowired io.sessionlens.session.persistence.SessionIndexRepository index;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(baseUrl());
    }

    static String export(String session, int turns) {
        List<String> traces = new ArrayList<>();
        for (int i = 1; i <= turns; i++) {
            traces.add(Fixtures.trace(String.format("tr-1e%08x%022d", session.hashCode(), i), EXPERIMENT,
                    session, "2025-11-05T10:0" + i + ":00Z", "ana", "question " + i, "answer " + i, ""));
        }
        return "[" + String.join(",", traces) + "]";
    }

    static List<Trace> read(String json) {
        List<Trace> out = new ArrayList<>();
        new ExportReader().read("export.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                new ReadListener() {
                    @Override
                    public void trace(Trace trace, List<String> warnings) {
                        out.add(trace);
                    }

                    @Override
                    public void problem(@Nullable String traceRef, String message) {
                        throw new AssertionError(message);
                    }
                });
        return out;
    }

    @Test
    void a_session_cut_off_by_a_stop_is_marked_until_a_finished_import_completes_it() throws Exception {
        assertMarkedUntilCompleted(http, store, interruptedImports, worker, "s-cut");
    }

    /**
     * The first turn of a three-turn export stored as the import's writer does, no end announced, then a start: marked;
     * the export imported again: complete and unmarked. Shared with PostgresProfileTest.
     */
    public static void assertMarkedUntilCompleted(Http http, TraceStore store, SmartLifecycle startOfTheServer,
            SessionAnalysisWorker worker, String session) throws Exception {
        String file = export(session, 3);
        store.storeIsolating(store.prepare(read(file).subList(0, 1)));

        startOfTheServer.start();

        JsonNode row = listed(http, worker, session);
        assertThat(row.get("turnCount").asInt()).isEqualTo(1);
        assertThat(row.get("importInterrupted").asBoolean()).isTrue();
        JsonNode doc = http.get("/api/sessions/" + session + "?experimentId=" + EXPERIMENT).json();
        assertThat(doc.get("importInterrupted").asBoolean()).isTrue();

        var again = http.postJson("/api/imports", file);   // the user imports the export again
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("tracesUnchanged").asInt()).isEqualTo(1);
        assertThat(again.json().get("tracesImported").asInt()).isEqualTo(2);

        row = listed(http, worker, session);
        assertThat(row.get("turnCount").asInt()).isEqualTo(3);
        assertThat(row.get("importInterrupted").asBoolean()).isFalse();
        assertThat(http.get("/api/sessions/" + session + "?experimentId=" + EXPERIMENT).json()
                .get("importInterrupted").asBoolean()).isFalse();
    }

    static JsonNode listed(Http http, SessionAnalysisWorker worker, String session) throws Exception {
        worker.awaitIdle(Duration.ofMinutes(1));
        JsonNode items = http.get("/api/sessions?experimentId=" + EXPERIMENT + "&q=" + session).json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /**
     * A stop after the import's traces committed and before their session row did: the traces are stored, the list does
     * not show the session. Importing the export again (every trace unchanged) lists it with all its turns.
     */
    @Test
    void a_session_whose_row_a_stop_never_wrote_comes_back_when_its_export_is_imported_again() throws Exception {
        String file = export("s-rowless", 3);
        assertThat(http.postJson("/api/imports", file).status()).isEqualTo(200);
        listed(http, worker, "s-rowless");
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(
                tx -> index.delete(index.findAllByRef(List.of(new SessionRef(EXPERIMENT, "s-rowless")))
                        .values().iterator().next()));   // what the stop leaves: traces without their row
        assertThat(http.get("/api/sessions?experimentId=" + EXPERIMENT + "&q=s-rowless").json().get("items"))
                .isEmpty();

        var again = http.postJson("/api/imports", file);
        assertThat(again.json().get("tracesUnchanged").asInt()).isEqualTo(3);

        JsonNode row = listed(http, worker, "s-rowless");
        assertThat(row.get("turnCount").asInt()).isEqualTo(3);
        assertThat(row.get("analysed").asBoolean()).isTrue();
    }

    @Test
    void an_import_that_finishes_and_a_restart_after_it_leave_no_mark() throws Exception {
        var done = http.postJson("/api/imports", export("s-whole", 2));
        assertThat(done.status()).isEqualTo(200);

        interruptedImports.start();

        JsonNode row = listed(http, worker, "s-whole");
        assertThat(row.get("turnCount").asInt()).isEqualTo(2);
        assertThat(row.get("importInterrupted").asBoolean()).isFalse();
    }
}
