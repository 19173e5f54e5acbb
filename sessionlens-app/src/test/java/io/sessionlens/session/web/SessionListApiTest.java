package io.sessionlens.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.demodata.DemoCorpus;
import io.sessionlens.importer.ImportService;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.DemoData;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The sessions list's API: the filters the page uses, 400s that name the parameter, the summary and the exports. */
class SessionListApiTest extends AppTestBase {
    @Autowired ImportService imports;
    DemoCorpus corpus;
    Http http;

    @BeforeEach
    void demoSessions() {
        corpus = DemoData.load(imports).corpus();
        http = new Http(baseUrl());
        DemoData.awaitAnalysed(http, experiments(corpus));
    }

    static List<String> experiments(DemoCorpus corpus) {
        return DemoData.experiments(corpus);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void a_parameter_the_api_cannot_read_is_a_400_naming_it_never_an_empty_list() {
        var a = http.get("/api/sessions?state=BOGUS&from=notadate");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asString()).contains("state: 'BOGUS'").contains("from: 'notadate'");
        assertThat(http.get("/api/sessions?judge=bogus").json().get("error").asString())
                .contains("judge: 'bogus' is not name=value");
        assertThat(http.get("/api/sessions?sort=nonsense,desc").status()).isEqualTo(400);
        assertThat(http.get("/api/export/sessions?format=csv&verdict=maybe").status()).isEqualTo(400);
        assertThat(http.get("/api/export/sessions?format=xlsx").json().get("error").asString())
                .contains("format: 'xlsx' is neither csv nor json");
    }

    @Test
    void the_judge_filter_finds_sessions_where_a_per_turn_judge_gave_that_value() {
        for (String exp : experiments(corpus)) {
            // What the session documents say: any turn (or the session) with correctness = no.
            Set<String> expected = new HashSet<>();
            for (JsonNode item : http.get("/api/sessions?size=500&experiment=" + exp).json().get("items")) {
                String id = item.get("sessionId").asString();
                JsonNode doc = http.get("/api/sessions/" + enc(id) + "?experimentId=" + exp).json();
                List<JsonNode> judged = new ArrayList<>();
                doc.get("sessionAssessments").forEach(judged::add);
                doc.get("turns").forEach(t -> t.get("assessments").forEach(judged::add));
                if (judged.stream().anyMatch(j -> j.get("name").asString().equals("correctness")
                        && "no".equalsIgnoreCase(j.get("value").asString())))
                    expected.add(id);
            }
            Set<String> found = new HashSet<>();
            JsonNode answer = http.get("/api/sessions?size=500&experiment=" + exp + "&judge=correctness%3Dno").json();
            answer.get("items").forEach(i -> found.add(i.get("sessionId").asString()));
            assertThat(found).as("experiment " + exp).isEqualTo(expected);
            assertThat(answer.get("total").asLong()).isEqualTo(expected.size());
            assertThat(http.get("/api/sessions?size=500&experiment=" + exp + "&judge=CORRECTNESS%3DNO").json()
                    .get("total").asLong()).as("the value case-insensitively").isEqualTo(expected.size());
        }
        assertThat(corpus.sessions().stream().anyMatch(s -> s.sessionAssessmentNames().isEmpty())).isTrue();
        long perTurnOnly = experiments(corpus).stream().mapToLong(e -> http.get("/api/sessions?size=500&experiment="
                + e + "&judge=correctness%3Dno").json().get("total").asLong()).sum();
        assertThat(perTurnOnly).as("correctness is a per-turn judge in the demo: it used to find 0").isPositive();
    }

    @Test
    void the_summary_counts_each_verdict_and_kind_and_each_count_is_a_filter() {
        for (String exp : experiments(corpus)) {
            JsonNode all = http.get("/api/sessions?size=500&experiment=" + exp).json();
            JsonNode s = all.get("summary");
            long total = all.get("total").asLong();
            assertThat(s.get("total").asLong()).isEqualTo(total);
            assertThat(s.get("rootCause").asLong() + s.get("healthy").asLong() + s.get("notAnalysed").asLong())
                    .isEqualTo(total);
            long expectedCauses = corpus.sessions().stream()
                    .filter(x -> x.experimentId().equals(exp) && x.rootCauseTurn() != null).count();
            assertThat(s.get("rootCause").asLong()).isEqualTo(expectedCauses);
            long byKind = 0;
            for (var k : s.get("byKind").properties()) {
                byKind += k.getValue().asLong();
                JsonNode kind = http.get("/api/sessions?size=500&experiment=" + exp + "&kind=" + k.getKey()).json();
                assertThat(kind.get("total").asLong()).isEqualTo(k.getValue().asLong());
                kind.get("items").forEach(i -> {
                    assertThat(i.get("verdict").asString()).isEqualTo("root_cause");
                    assertThat(i.get("rootCauseKind").asString()).isEqualTo(k.getKey());
                });
                assertThat(kind.get("summary")).as("the summary counts every verdict, whatever the filter")
                        .isEqualTo(s);
            }
            assertThat(byKind).isEqualTo(s.get("rootCause").asLong());
            JsonNode healthy = http.get("/api/sessions?size=500&experiment=" + exp + "&verdict=healthy").json();
            assertThat(healthy.get("total").asLong()).isEqualTo(s.get("healthy").asLong());
            healthy.get("items").forEach(i -> assertThat(i.get("rootCauseTurn").isNull()).isTrue());
        }
    }

    @Test
    void the_sort_parameter_orders_the_list() {
        String exp = experiments(corpus).getFirst();
        List<Integer> turns = new ArrayList<>();
        http.get("/api/sessions?size=500&sort=turns,desc&experiment=" + exp).json().get("items")
                .forEach(i -> turns.add(i.get("turnCount").asInt()));
        assertThat(turns).hasSizeGreaterThan(2).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void following_next_cursor_pages_through_the_list_as_the_pages_do_and_a_bad_cursor_is_a_400() {
        String exp = experiments(corpus).getFirst();
        for (String sort : List.of("", "&sort=turns,desc", "&sort=user")) {
            List<String> all = new java.util.ArrayList<>();
            http.get("/api/sessions?size=500&experiment=" + exp + sort).json().get("items")
                    .forEach(i -> all.add(i.get("sessionId").asString()));
            assertThat(all).hasSizeGreaterThan(3);
            List<String> followed = new java.util.ArrayList<>();
            JsonNode page = http.get("/api/sessions?size=3&experiment=" + exp + sort).json();
            page.get("items").forEach(i -> followed.add(i.get("sessionId").asString()));
            while (page.path("nextCursor").isString()) {
                assertThat(page.get("total").asLong()).isEqualTo(all.size());
                page = http.get("/api/sessions?size=3&experiment=" + exp + sort + "&cursor="
                        + enc(page.get("nextCursor").asString())).json();
                page.get("items").forEach(i -> followed.add(i.get("sessionId").asString()));
            }
            assertThat(followed).as(sort).isEqualTo(all);
            JsonNode page1 = http.get("/api/sessions?size=3&page=1&experiment=" + exp + sort).json();
            assertThat(page1.get("items").get(0).get("sessionId").asString()).isEqualTo(all.get(3));
        }
        String cursor = http.get("/api/sessions?size=1").json().get("nextCursor").asString();
        var wrongOrder = http.get("/api/sessions?size=1&sort=turns&cursor=" + enc(cursor));
        assertThat(wrongOrder.status()).isEqualTo(400);
        assertThat(wrongOrder.json().get("error").asString()).contains("another sort order");
        assertThat(http.get("/api/sessions?cursor=garbage").json().get("error").asString()).startsWith("cursor:");
    }

    @Test
    void the_csv_export_has_a_header_one_row_per_session_and_no_formula_cells() {
        String trace = Fixtures.trace("tr-00000000000000000000000000c5f001", "exp-csv", "=HYPERLINK(1)",
                "2026-03-01T10:00:00Z", "@attacker", "+1 call me, \"quoted\", and a\nnew line", "-2 answers", "");
        assertThat(http.postJson("/api/imports", trace).status()).isEqualTo(200);
        var csv = http.get("/api/export/sessions?format=csv&experiment=exp-csv");
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(rows.getFirst()).containsExactlyElementsOf(SessionExport.COLUMNS);
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        assertThat(row.get(0)).isEqualTo("'=HYPERLINK(1)");
        assertThat(row.get(1)).isEqualTo("exp-csv");
        assertThat(row.get(2)).isEqualTo("'@attacker");
        assertThat(row.get(3)).isEqualTo("1");
        assertThat(row.get(12)).isEqualTo("'+1 call me, \"quoted\", and a\nnew line");

        String exp = experiments(corpus).getFirst();
        long total = http.get("/api/sessions?experiment=" + exp + "&verdict=root_cause").json().get("total").asLong();
        List<List<String>> causes = Csv.parse(http.get("/api/export/sessions?format=csv&verdict=root_cause&experiment="
                + exp).body());
        assertThat(causes).hasSize((int) total + 1);
        int verdict = SessionExport.COLUMNS.indexOf("verdict");
        int kind = SessionExport.COLUMNS.indexOf("root_cause_kind");
        int turn = SessionExport.COLUMNS.indexOf("root_cause_turn");
        causes.stream().skip(1).forEach(r -> {
            assertThat(r.get(verdict)).isEqualTo("root_cause");
            assertThat(r.get(kind)).isNotEmpty();
            assertThat(r.get(turn)).matches("\\d+");
        });
        assertThat(causes.stream().skip(1).map(r -> r.get(SessionExport.COLUMNS.indexOf("failing_judges")))
                .anyMatch(j -> j.contains("(turn"))).as("per-turn failing judges, with their turns").isTrue();
    }

    @Test
    void the_json_export_lists_the_same_sessions_as_the_filtered_list() {
        String exp = experiments(corpus).getFirst();
        JsonNode list = http.get("/api/sessions?size=500&sort=session&experiment=" + exp).json();
        var answer = http.get("/api/export/sessions?format=json&sort=session&experiment=" + exp);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode exported = answer.json();
        assertThat(exported.size()).isEqualTo(list.get("total").asInt());
        for (int i = 0; i < exported.size(); i++) {
            assertThat(exported.get(i).get("sessionId").asString())
                    .isEqualTo(list.get("items").get(i).get("sessionId").asString());
            assertThat(exported.get(i).get("verdict").asString())
                    .isEqualTo(list.get("items").get(i).get("verdict").asString());
        }
    }

    /** A small RFC 4180 reader for the test: quotes, doubled quotes, new lines inside quotes. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') quoted = false;
                    else
                        cell.append(c);
                } else if (c == '"') quoted = true;
                else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c != '\r') cell.append(c);
            }
            if (!cell.isEmpty() || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
