package io.sessionlens.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sessionlens.base.security.Role;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.session.web.VerdictApiTest;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.Http;
import io.sessionlens.support.TestUsers;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12, review queues over the API with HTTP Basic: only managers make queues; two reviewers get different items
 * (the lock), their answers give the agreement figures, disagreements wait for a manager, agreed answers set the
 * session's verdict, and every write is audited.
 */
public class QueueApiTest extends AppTestBase {
    @Autowired SessionAnalysisWorker worker;

    /** Imports {@code count} three-turn sessions {@code s1…} into the experiment. */
    public static void sessions(Http http, SessionAnalysisWorker worker, String experiment, String hexPrefix, int count)
            throws Exception {
        for (int i = 1; i <= count; i++)
            assertThat(http.postJson("/api/imports", VerdictApiTest.session(experiment, "s" + i,
                    hexPrefix + String.format("%02d", i), "Yes, it is.")).status()).isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
    }

    /** The label schema the queues fill: {@code failure_kind}, one of wrong price, lost budget, none. */
    public static void failureKind(Http manager, String experiment) {
        var made = manager.postJson("/api/experiments/" + experiment + "/label-schemas", """
                {"name": "failure_kind", "title": "Failure kind", "type": "categorical",
                 "options": ["wrong price", "lost budget", "none"], "target": "any"}""");
        assertThat(made.status()).as(made.body()).isIn(200, 201);
    }

    public static String newQueue(String name, String experiment, int perSession, String... reviewers) {
        return """
                {"name": "%s", "filter": {"experiment": "%s"}, "labelSchemas": ["failure_kind"],
                 "reviewers": [%s], "reviewersPerSession": %d}"""
                .formatted(name, experiment, String.join(",", java.util.Arrays.stream(reviewers)
                        .map(r -> "\"" + r + "\"").toList()), perSession);
    }

    @Test
    void two_reviewers_answer_a_queue_and_the_agreement_and_disagreements_follow() throws Exception {
        assertTwoReviewersAgreeOnOneAndAManagerAdjudicatesTheOther(new Http(baseUrl()), worker, "exp-queue-api",
                "0000000000000000000000c1");
    }

    @Test
    void of_two_reviewers_claiming_the_one_free_item_at_once_exactly_one_gets_it() throws Exception {
        assertOneOfTwoSimultaneousClaimsWins(new Http(baseUrl()), worker, "exp-queue-race", "0000000000000000000000c5");
    }

    /** Both reviewers ask for the queue's only item at the same moment: one gets it, the other 204, many times over. */
    public static void assertOneOfTwoSimultaneousClaimsWins(Http admin, SessionAnalysisWorker worker, String exp,
            String hexPrefix) throws Exception {
        sessions(admin, worker, exp, hexPrefix, 1);
        var analyst = admin.as(Role.ANALYST);
        var manager = admin.as(Role.MANAGER);
        String a = TestUsers.of(Role.ANALYST).username(), m = TestUsers.of(Role.MANAGER).username();
        for (int round = 0; round < 5; round++) {
            var made = manager.postJson("/api/queues", """
                    {"name": "race %d", "filter": {"experiment": "%s"}, "reviewers": ["%s", "%s"],
                     "reviewersPerSession": 1}""".formatted(round, exp, a, m));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            long id = made.json().get("id").asLong();
            var start = new java.util.concurrent.CountDownLatch(1);
            var one = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                await(start);
                return analyst.postJson("/api/queues/" + id + "/next", "").status();
            });
            var two = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                await(start);
                return manager.postJson("/api/queues/" + id + "/next", "").status();
            });
            start.countDown();
            assertThat(java.util.List.of(one.get(), two.get())).containsExactlyInAnyOrder(200, 204);
            JsonNode items = admin.get("/api/queues/" + id + "/items").json().get("items");
            assertThat(items.get(0).get("lockedBy").asString()).isIn(a, m);
        }
    }

    private static void await(java.util.concurrent.CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void assertTwoReviewersAgreeOnOneAndAManagerAdjudicatesTheOther(Http admin,
            SessionAnalysisWorker worker, String exp, String hexPrefix) throws Exception {
        sessions(admin, worker, exp, hexPrefix, 3);
        var analyst = admin.as(Role.ANALYST);
        var manager = admin.as(Role.MANAGER);
        String a = TestUsers.of(Role.ANALYST).username(), m = TestUsers.of(Role.MANAGER).username();
        String body = newQueue("API queue", exp, 2, a, m);
        assertThat(manager.postJson("/api/queues", body).json().get("error").asString())
                .isEqualTo("experiment " + exp + " has no label schema \"failure_kind\" (it has none yet)");
        failureKind(manager, exp);

        assertThat(admin.anonymous().postJson("/api/queues", body).status()).isEqualTo(401);
        assertThat(admin.as(Role.VIEWER).postJson("/api/queues", body).status()).isEqualTo(403);
        assertThat(analyst.postJson("/api/queues", body).status()).isEqualTo(403);
        var bad = manager.postJson("/api/queues", body.replace("\"reviewersPerSession\": 2",
                "\"reviewersPerSession\": 4"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asString()).contains("reviewersPerSession is 4");
        var none = body.replace("\"labelSchemas\": [\"failure_kind\"]", "\"labelSchemas\": []")
                .replace(exp, exp + "-none");
        assertThat(manager.postJson("/api/queues", none).json().get("error").asString())
                .isEqualTo("the filter matches no sessions");
        var made = manager.postJson("/api/queues", body);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(made.json().at("/progress/items").asInt()).isEqualTo(3);
        assertThat(made.json().at("/progress/answersNeeded").asInt()).isEqualTo(6);

        // the lock: the analyst holds one item, the manager gets another
        JsonNode first = analyst.postJson("/api/queues/" + id + "/next", "").json();
        JsonNode other = manager.postJson("/api/queues/" + id + "/next", "").json();
        assertThat(other.get("itemId").asLong()).isNotEqualTo(first.get("itemId").asLong());
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(analyst.postJson("/api/queues/" + id + "/next", "").json().get("itemId").asLong())
                .as("asking again gives the item one holds").isEqualTo(first.get("itemId").asLong());
        assertThat(admin.as(Role.VIEWER).postJson("/api/queues/" + id + "/next", "").status()).isEqualTo(403);
        assertThat(admin.postJson("/api/queues/" + id + "/next", "").status())
                .as("the admin is not a reviewer of this queue").isEqualTo(403);
        var taken = analyst.postJson("/api/queues/" + id + "/items/" + other.get("itemId").asLong() + "/answer",
                "{\"turn\": null}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("error").asString()).startsWith(m + " is reviewing this session");
        var wrongTurn = analyst.postJson("/api/queues/" + id + "/items/" + first.get("itemId").asLong() + "/answer",
                "{\"turn\": 9, \"kind\": \"tool_error\"}");
        assertThat(wrongTurn.status()).isEqualTo(400);
        assertThat(wrongTurn.json().get("error").asString()).isEqualTo("turn 9 is not a turn of this session (it has"
                + " 3 turns)");

        var bogus = analyst.postJson("/api/queues/" + id + "/items/" + first.get("itemId").asLong() + "/answer",
                "{\"turn\":null,\"labels\":{\"failure_kind\":\"bogus\"}}");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().get("error").asString()).contains("\"bogus\" is not an option of label failure_kind");

        // s1: both turn 3; s2: turn 3 against turn 1; s3: both no root cause → po 2/3, kappa 0.5
        Map<String, String> analystAnswers = Map.of("s1", "{\"turn\":3,\"kind\":\"hallucination\","
                + "\"labels\":{\"failure_kind\":\"wrong price\"}}", "s2",
                "{\"turn\":3,\"kind\":\"hallucination\","
                        + "\"labels\":{\"failure_kind\":\"wrong price\"}}",
                "s3", "{\"turn\":null,\"labels\":{\"failure_kind\":\"none\"}}");
        Map<String, String> managerAnswers = Map.of("s1", analystAnswers.get("s1"), "s2",
                "{\"turn\":1,\"kind\":\"context_loss\",\"note\":\"The budget was lost at once.\","
                        + "\"labels\":{\"failure_kind\":\"lost budget\"}}",
                "s3", analystAnswers.get("s3"));
        Map<String, Long> itemOf = new HashMap<>();
        answerAll(analyst, id, analystAnswers, itemOf);
        answerAll(manager, id, managerAnswers, itemOf);
        answerAll(analyst, id, analystAnswers, itemOf);   // the item the manager held while the analyst went through
        assertThat(itemOf).hasSize(3);

        JsonNode q = admin.get("/api/queues/" + id).json();
        assertThat(q.at("/queue/progress/complete").asInt()).isEqualTo(3);
        assertThat(q.at("/queue/progress/disagreements").asInt()).isEqualTo(1);
        JsonNode turn = q.at("/agreement/0");
        assertThat(turn.get("question").asString()).isEqualTo("root-cause turn");
        assertThat(turn.get("items").asInt()).isEqualTo(3);
        assertThat(turn.get("percent").asDouble()).isCloseTo(66.67, within(0.01));
        assertThat(turn.get("kappa").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(q.at("/agreement/1/question").asString()).isEqualTo("failure_kind");
        assertThat(q.at("/disagreements")).hasSize(1);
        assertThat(q.at("/disagreements/0/session/sessionId").asString()).isEqualTo("s2");
        assertThat(q.at("/disagreements/0/answers")).hasSize(2);

        JsonNode s1 = admin.get("/api/sessions/s1?experimentId=" + exp).json().get("rootCause");
        assertThat(s1.get("source").asString()).isEqualTo("human");
        assertThat(s1.get("turn").asInt()).isEqualTo(3);
        assertThat(s1.get("reviewer").asString()).isEqualTo(a + ", " + m);
        assertThat(admin.get("/api/sessions/s2?experimentId=" + exp).json().at("/rootCause/source").asString())
                .as("a disagreement sets no verdict").isEqualTo("auto");

        String adjudicate = "/api/queues/" + id + "/items/" + itemOf.get("s2") + "/adjudicate";
        String ruling = "{\"turn\":1,\"kind\":\"context_loss\",\"note\":\"The budget was dropped in turn 1.\","
                + "\"labels\":{\"failure_kind\":\"lost budget\"}}";
        assertThat(analyst.postJson(adjudicate, ruling).status()).isEqualTo(403);
        var ruled = manager.postJson(adjudicate, ruling);
        assertThat(ruled.status()).as(ruled.body()).isEqualTo(200);
        assertThat(ruled.json().get("outcome").asString()).isEqualTo("ADJUDICATED");
        JsonNode s2 = admin.get("/api/sessions/s2?experimentId=" + exp).json().get("rootCause");
        assertThat(s2.get("turn").asInt()).isEqualTo(1);
        assertThat(s2.get("reviewer").asString()).isEqualTo(m);
        assertThat(admin.get("/api/queues/" + id).json().get("disagreements")).isEmpty();

        JsonNode notes = admin.get("/api/sessions/s2/annotations?experimentId=" + exp).json();
        assertThat(notes.toString()).contains("lost budget", "wrong price", a, m);
        var badLabel = analyst.postJson("/api/queues/" + id + "/items/" + itemOf.get("s1") + "/answer",
                "{\"turn\":null,\"labels\":{\"failure_kind\":\"bogus\"}}");
        assertThat(badLabel.status()).isEqualTo(409);   // answered already: said before the value is looked at

        JsonNode audit = admin.get("/api/audit?size=200").json();
        assertThat(audit.get("items").valueStream().map(i -> i.get("kind").asString()))
                .contains("queue-created", "queue-answer", "queue-adjudicated");
        assertThat(manager.postJson("/api/queues/" + id + "/close", "").status()).isEqualTo(200);
        assertThat(analyst.postJson("/api/queues/" + id + "/next", "").status()).isEqualTo(409);
        assertThat(analyst.delete("/api/queues/" + id).status()).isEqualTo(403);
        assertThat(manager.delete("/api/queues/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/queues/" + id).status()).isEqualTo(404);
    }

    /** Claims and answers until nothing is left for the reviewer, answering each session as the map says. */
    static void answerAll(Http reviewer, long queue, Map<String, String> answers, Map<String, Long> itemOf) {
        for (int guard = 0; guard < 10; guard++) {
            var next = reviewer.postJson("/api/queues/" + queue + "/next", "");
            if (next.status() == 204) return;
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            String session = next.json().at("/session/sessionId").asString();
            long item = next.json().get("itemId").asLong();
            itemOf.put(session, item);
            var answered = reviewer.postJson("/api/queues/" + queue + "/items/" + item + "/answer",
                    answers.get(session));
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        }
        throw new AssertionError("the queue never ran out");
    }
}
