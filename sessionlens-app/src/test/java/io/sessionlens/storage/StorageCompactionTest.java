package io.sessionlens.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #10: update-heavy imports leave the H2 file mostly dead space; the compaction gives it back while SessionLens
 * keeps answering, and loses nothing.
 */
class StorageCompactionTest extends AppTestBase {
    static final String EXP = "exp-compact";
    static final int SESSIONS = 40, TURNS = 3;

    @Autowired StorageCompaction compaction;
    @Autowired SessionAnalysisWorker worker;

    static String export(int round) {
        StringBuilder sb = new StringBuilder();
        String padding = "x".repeat(4_000);   // traces of a realistic size, so updates leave chunks behind
        for (int s = 0; s < SESSIONS; s++)
            for (int t = 0; t < TURNS; t++) {
                String id = "tr-" + String.format("c0%06d%02d", s, t);
                String trace = Fixtures.trace(id, EXP, "s-compact-" + s, "2025-11-05T10:%02d:%02dZ".formatted(s, t),
                        "u" + s, "round " + round + " question " + t + " " + padding, "answer " + t, "");
                sb.append(trace.replace("\n", " ")).append('\n');
            }
        return sb.toString();
    }

    @Test
    void update_rounds_grow_the_file_and_the_compaction_gives_it_back_without_losing_or_refusing_anything()
            throws Exception {
        Http http = new Http(baseUrl());
        for (int round = 0; round < 4; round++) {
            var a = http.postJson("/api/imports", export(round));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(worker.awaitIdle(Duration.ofMinutes(2))).isTrue();
        }
        Path file = DATA_DIR.resolve("sessionlens.mv.db");
        long grown = Files.size(file);

        // while it compacts, readers keep getting answers (they wait for a connection; none is refused)
        List<Integer> statuses = new ArrayList<>();
        CompletableFuture<StorageCompaction.Outcome> running = CompletableFuture.supplyAsync(compaction::compact);
        while (!running.isDone()) {
            statuses.add(http.get("/api/sessions?experimentId=" + EXP).status());
        }
        StorageCompaction.Outcome outcome = running.get();
        statuses.add(http.get("/api/sessions?experimentId=" + EXP).status());

        assertThat(outcome.compacted()).as(outcome.reason()).isTrue();
        assertThat(Files.size(file)).as("the file after compaction").isLessThan(grown);
        assertThat(statuses).as("every request during the compaction").containsOnly(200);

        var list = http.get("/api/sessions?experimentId=" + EXP + "&size=100").json();
        assertThat(list.get("total").asInt()).isEqualTo(SESSIONS);
        var session = http.get("/api/sessions/s-compact-7?experimentId=" + EXP).json();
        assertThat(session.get("turns")).hasSize(TURNS);
        assertThat(session.get("turns").get(2).toString()).contains("round 3 question 2");

        // and the database takes writes again: one more round stores every trace as an update
        var after = http.postJson("/api/imports", export(4));
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.json().get("tracesUpdated").asInt()).isEqualTo(SESSIONS * TURNS);
    }

    @Test
    void a_small_file_is_left_alone() {
        StorageCompaction.Outcome o = compaction.compactIfWasteful();
        assertThat(o.compacted()).isFalse();
        assertThat(o.reason()).isIn("the file is small", "most of the file is live data", "an import ran recently");
    }
}
