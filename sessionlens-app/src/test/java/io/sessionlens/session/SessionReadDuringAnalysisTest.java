package io.sessionlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.session.index.BackgroundAnalysisTest;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import io.sessionlens.trace.SessionRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A session read at any moment is either analysed (its texts and root cause) or says it is not yet ({@code analysed:
 * false}); never half. Issue 9 found sessions read right after an import, while the background analysis was on them,
 * that came back without turn texts and without a root cause.
 */
class SessionReadDuringAnalysisTest extends AppTestBase {
    private static final String USER_TEXT = "Which plan fits a family of four?";

    @Autowired SessionAnalysisWorker worker;
    @Autowired SessionService sessions;
    @Autowired SessionReader reader;

    @AfterEach
    void workerRuns() {
        if (!worker.isRunning()) worker.start();
    }

    @Test
    void sessions_read_while_the_background_analysis_works_on_them_are_whole_or_say_they_wait() throws Exception {
        var http = new Http(baseUrl());
        int n = 90;
        worker.stop();   // import everything first, so the reads below meet the worker on every session
        StringBuilder export = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) export.append(',');
            export.append(BackgroundAnalysisTest.trace("exp-race", "s-race-" + i, "%032x".formatted(0xcc000 + i)));
        }
        assertThat(http.postJson("/api/imports", export.append(']').toString()).status()).isEqualTo(200);

        worker.start();
        Queue<String> half = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                int offset = r * (n / 3);
                reads.add(readers.submit(() -> {
                    for (int k = 0; k < n; k++) {
                        String id = "s-race-" + ((offset + k) % n);
                        var answer = http.get("/api/sessions/" + id + "?experimentId=exp-race");
                        if (answer.status() != 200) {
                            half.add(id + ": HTTP " + answer.status() + " " + answer.body());
                            continue;
                        }
                        JsonNode doc = answer.json();
                        if (doc.get("analysed").asBoolean() && !whole(doc)) half.add(id + ": " + answer.body());
                    }
                    return null;
                }));
            }
            for (Future<?> f : reads) f.get();
        } finally {
            readers.shutdown();
        }
        assertThat(half).as("sessions read analysed but without their texts or root cause").isEmpty();

        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();
        List<String> notWhole = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode doc = http.get("/api/sessions/s-race-" + i + "?experimentId=exp-race").json();
            if (!doc.get("analysed").asBoolean() || !whole(doc)) notWhole.add("s-race-" + i);
        }
        assertThat(notWhole).as("once the analysis is done, every session is analysed whole").isEmpty();
    }

    @Test
    void a_stored_analysis_of_other_turns_is_never_shown_with_the_turns_of_today() {
        var http = new Http(baseUrl());
        var ref = new SessionRef("exp-race-2", "s-grown");
        worker.stop();
        assertThat(http.postJson("/api/imports", BackgroundAnalysisTest.trace(ref.experimentId(), ref.sessionId(),
                "000000000000000000000000000cd001")).status()).isEqualTo(200);
        assertThat(reader.open(ref).orElseThrow().analysed()).isTrue();

        // a second turn arrives; the stored analysis still has one
        String secondTurn = Fixtures.trace("tr-000000000000000000000000000cd002", ref.experimentId(), ref.sessionId(),
                "2026-03-01T10:05:00Z", "u-bg", "And for five?", "The same plan.", "");
        assertThat(http.postJson("/api/imports", secondTurn).status()).isEqualTo(200);

        SessionDocument waiting = sessions.document(ref).orElseThrow();
        assertThat(waiting.analysed()).isFalse();
        assertThat(waiting.turns()).extracting(TurnDocument::userText).containsExactly(USER_TEXT, "And for five?");
        assertThat(waiting.rootCause()).isNull();
        assertThat(waiting.turns()).allSatisfy(t -> assertThat(t.assessments()).isEmpty());

        SessionDocument opened = reader.open(ref).orElseThrow();
        assertThat(opened.analysed()).isTrue();
        assertThat(opened.turns()).extracting(TurnDocument::userText).containsExactly(USER_TEXT, "And for five?");
        assertThat(opened.rootCause()).isNotNull();
        assertThat(opened.rootCause().turn()).isEqualTo(1);
    }

    /** What an analysed session of {@link BackgroundAnalysisTest#trace} shows: the user's text and the failed judge's turn. */
    private static boolean whole(JsonNode doc) {
        return USER_TEXT.equals(doc.at("/turns/0/userText").asString()) && doc.at("/rootCause/turn").asInt() == 1
                && "The family plan quoted does not exist."
                        .equals(doc.at("/turns/0/assessments/0/rationale").asString());
    }
}
