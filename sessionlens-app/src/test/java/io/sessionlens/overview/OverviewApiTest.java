package io.sessionlens.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.base.security.Role;
import io.sessionlens.importer.ImportService;
import io.sessionlens.session.index.BackgroundAnalysisTest;
import io.sessionlens.session.index.SessionAnalysisWorker;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.DemoData;
import io.sessionlens.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/overview} on the real app: its numbers are the sessions list's totals for the same filters (the
 * drill-downs), a verdict moves them at once, managers read it and nobody below, and a bad parameter is named.
 */
class OverviewApiTest extends AppTestBase {
    private static final String PERIOD = "from=2026-02-01&to=2026-04-30";
    private static final String STARTED = "startedFrom=2026-02-01&startedTo=2026-04-30";

    @Autowired ImportService imports;
    @Autowired SessionAnalysisWorker worker;

    private long listTotal(Http http, String query) {
        var answer = http.get("/api/sessions?size=1&" + STARTED + "&" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("total").asLong();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void the_overviews_numbers_are_the_sessions_lists_totals_for_the_same_filters() {
        var loaded = DemoData.load(imports);
        var http = new Http(baseUrl());
        List<String> experiments = DemoData.experiments(loaded.corpus());
        DemoData.awaitAnalysed(http, experiments);
        long judgesSeen = 0;
        for (String e : experiments) {
            var answer = http.get("/api/overview?experimentId=" + e + "&" + PERIOD);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode o = answer.json();
            String exp = "experiment=" + e;
            assertThat(o.get("sessions").asLong()).as("sessions of " + e).isPositive()
                    .isEqualTo(listTotal(http, exp));
            assertThat(o.get("withRootCause").asLong()).as("with a root cause, " + e)
                    .isEqualTo(listTotal(http, exp + "&verdict=root_cause"));
            long kinds = 0;
            for (var k : o.get("byKind").properties()) {
                assertThat(k.getValue().asLong()).as(e + " kind " + k.getKey())
                        .isEqualTo(listTotal(http, exp + "&kind=" + k.getKey()));
                kinds += k.getValue().asLong();
            }
            assertThat(kinds).isEqualTo(o.get("withRootCause").asLong());
            for (var j : o.get("judges").properties()) {
                assertThat(j.getValue().get("failing").asLong()).as(e + " judge " + j.getKey() + " failing")
                        .isEqualTo(listTotal(http, exp + "&failing=" + enc(j.getKey())));
                judgesSeen++;
            }
            for (var t : o.get("rootCauseTurns").properties())
                assertThat(t.getValue().asLong()).as(e + " root cause at turn " + t.getKey())
                        .isEqualTo(listTotal(http, exp + "&rootCauseTurn=" + t.getKey()));
            assertThat(o.get("sessionsWithErrors").asLong()).isEqualTo(listTotal(http, exp + "&errors=true"));
            assertThat(o.get("humanVerdicts").asLong()).isEqualTo(listTotal(http, exp + "&verdictSource=human"));
            assertThat(o.at("/latency/turns").asLong()).as("every turn has a latency").isPositive();
            assertThat(o.at("/latency/p95Ms").asLong()).isGreaterThanOrEqualTo(o.at("/latency/medianMs").asLong());
            assertThat(o.get("days").size()).isEqualTo(89);
            long daily = 0;
            for (JsonNode d : o.get("days")) daily += d.get("sessions").asLong();
            assertThat(daily).as("the days add up to the period").isEqualTo(o.get("sessions").asLong());
        }
        assertThat(judgesSeen).as("the demo has session-level judges").isPositive();

        JsonNode all = http.get("/api/overview?" + PERIOD).json();
        assertThat(all.get("experimentId").isNull()).isTrue();
        assertThat(all.get("sessions").asLong()).isEqualTo(listTotal(http, ""));
        assertThat(all.at("/previous/from").asString()).as("the period of equal length before").isEqualTo("2025-11-04");
        assertThat(all.at("/previous/to").asString()).isEqualTo("2026-01-31");
    }

    @Test
    void a_verdict_changes_the_overview_at_once_and_its_withdrawal_changes_it_back() throws Exception {
        var http = new Http(baseUrl());
        assertThat(http.postJson("/api/imports",
                BackgroundAnalysisTest.trace("exp-ov-verdict", "s-ov", "00000000000000000000000000c0ffee")).status())
                .isEqualTo(200);
        assertThat(worker.awaitIdle(Duration.ofSeconds(60))).isTrue();
        String q = "/api/overview?experimentId=exp-ov-verdict&from=2026-03-01&to=2026-03-01";
        JsonNode before = http.get(q).json();
        assertThat(before.get("sessions").asLong()).isEqualTo(1);
        assertThat(before.get("withRootCause").asLong()).isEqualTo(1);
        assertThat(before.get("humanVerdicts").asLong()).isZero();
        assertThat(before.at("/rootCauseTurns/1").asLong()).isEqualTo(1);

        var analyst = http.as(Role.ANALYST);
        var put = analyst.putJson("/api/sessions/s-ov/verdict?experimentId=exp-ov-verdict",
                "{\"turn\":null,\"note\":\"the answer was right\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode after = http.get(q).json();
        assertThat(after.get("withRootCause").asLong()).as("the reviewer found no root cause").isZero();
        assertThat(after.get("humanVerdicts").asLong()).isEqualTo(1);
        assertThat(after.at("/agreement/reviewed").asLong()).isEqualTo(1);
        assertThat(after.at("/agreement/agreeing").asLong()).isZero();
        assertThat(after.at("/agreement/byKind").size()).isEqualTo(1);
        JsonNode d = after.at("/disagreements/0");
        assertThat(d.get("sessionId").asString()).isEqualTo("s-ov");
        assertThat(d.get("reviewer").asString()).isEqualTo("test-analyst");
        assertThat(d.at("/human/turn").isNull()).isTrue();
        assertThat(d.at("/automatic/turn").asInt()).isEqualTo(1);
        assertThat(d.get("rootCauseDiffers").asBoolean()).isTrue();

        assertThat(analyst.delete("/api/sessions/s-ov/verdict?experimentId=exp-ov-verdict").status()).isEqualTo(200);
        JsonNode withdrawn = http.get(q).json();
        assertThat(withdrawn.get("withRootCause").asLong()).isEqualTo(1);
        assertThat(withdrawn.get("humanVerdicts").asLong()).isZero();
        assertThat(withdrawn.get("disagreements").size()).isZero();
    }

    @Test
    void managers_read_the_overview_and_nobody_below_them() {
        var http = new Http(baseUrl());
        assertThat(http.anonymous().get("/api/overview").status()).isEqualTo(401);
        assertThat(http.as(Role.VIEWER).get("/api/overview").status()).isEqualTo(403);
        assertThat(http.as(Role.ANALYST).get("/api/overview").status()).isEqualTo(403);
        assertThat(http.as(Role.ANALYST).get("/api/overview.csv").status()).isEqualTo(403);
        assertThat(http.as(Role.MANAGER).get("/api/overview").status()).isEqualTo(200);
        assertThat(http.as(Role.ADMIN).get("/api/overview?period=7d").status()).isEqualTo(200);
    }

    @Test
    void a_bad_parameter_is_named() {
        var http = new Http(baseUrl());
        var bad = http.get("/api/overview?from=yesterday&period=week");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asString()).contains("from: 'yesterday' is not a day")
                .contains("period: 'week' is not 7d, 30d or all");
        var backwards = http.get("/api/overview?from=2026-03-05&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("error").asString()).contains("to: 2026-03-01 is before from=2026-03-05");
        var list = http.get("/api/sessions?rootCauseTurn=zero&verdictSource=robot");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.json().get("error").asString()).contains("rootCauseTurn").contains("verdictSource");
    }

    @Test
    void the_csv_holds_the_figures_of_the_period_and_the_one_before() {
        DemoData.load(imports);
        var http = new Http(baseUrl());
        var csv = http.get("/api/overview.csv?experimentId=1&" + PERIOD);
        assertThat(csv.status()).isEqualTo(200);
        JsonNode o = http.get("/api/overview?experimentId=1&" + PERIOD).json();
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("section,name,period,previous");
        assertThat(lines).contains("kpi,sessions," + o.get("sessions").asLong() + "," + o.at("/previous/sessions")
                .asLong());
        assertThat(lines).contains("kpi,with_root_cause," + o.get("withRootCause").asLong() + ",0");
        assertThat(lines).anyMatch(l -> l.startsWith("day_sessions,2026-03-02,"));
    }
}
