package io.sessionlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sessions list's URL parameters: what a link means, and what it cannot mean said in words. */
class SessionQueryTest {

    private static SessionQuery.Parsed parse(String... kv) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) p.put(kv[i], List.of(kv[i + 1]));
        return SessionQuery.parse(p);
    }

    @Test
    void a_link_with_every_filter_reads_back_to_the_same_link() {
        var parsed = parse("q", "refund", "experiment", "42", "user", "ana", "from", "2026-03-02", "to", "2026-03-08",
                "state", "error", "errors", "true", "kind", "tool_error", "judge", "correctness=no", "sort",
                "turns,desc");
        assertThat(parsed.problems()).isEmpty();
        SessionFilter f = parsed.query().filter();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(f.to()).as("the to day is inclusive").isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
        assertThat(f.state()).isEqualTo("ERROR");
        assertThat(f.verdict()).as("a kind is a root cause").isEqualTo(SessionVerdict.ROOT_CAUSE);
        assertThat(f.judgeName()).isEqualTo("correctness");
        assertThat(f.judgeValue()).isEqualTo("no");
        assertThat(parsed.query().sort())
                .containsExactly(SessionSort.Order.descending(SessionSort.TURNS));
        assertThat(parsed.query().toParameters()).containsExactly(Map.entry("q", "refund"),
                Map.entry("experiment", "42"), Map.entry("user", "ana"), Map.entry("from", "2026-03-02"),
                Map.entry("to", "2026-03-08"), Map.entry("state", "ERROR"), Map.entry("errors", "true"),
                Map.entry("kind", "tool_error"), Map.entry("judge", "correctness=no"), Map.entry("sort", "turns,desc"));
    }

    @Test
    void each_unreadable_parameter_is_named_and_left_out() {
        var parsed = parse("state", "BOGUS", "from", "notadate", "judge", "bogus", "verdict", "broken", "q", "kept",
                "sort", "sideways");
        assertThat(parsed.problems()).extracting(SessionQuery.Problem::parameter)
                .containsExactlyInAnyOrder("state", "from", "judge", "verdict", "sort");
        assertThat(parsed.message()).contains("state: 'BOGUS' is not an MLflow trace state")
                .contains("from: 'notadate' is not a date").contains("judge: 'bogus' is not name=value");
        assertThat(parsed.query().filter()).isEqualTo(SessionFilter.none().withText("kept"));
        assertThat(parsed.query().sort()).isEmpty();
    }

    @Test
    void judge_values_may_hold_an_equals_sign_and_older_links_still_work() {
        assertThat(parse("judge", "formula= a=b ").query().filter().judgeValue()).isEqualTo("a=b");
        assertThat(parse("judge", "=no").problems()).hasSize(1);
        assertThat(parse("judge", "correctness=").problems()).hasSize(1);
        assertThat(parse("rootcause", "true").query().filter().verdict()).isEqualTo(SessionVerdict.ROOT_CAUSE);
        assertThat(parse("experimentId", "7").query().filter().experimentId()).isEqualTo("7");
        assertThat(parse("from", "2026-03-02T09:00:00Z").query().toParameters())
                .containsEntry("from", "2026-03-02T09:00:00Z");
        assertThat(parse("from", "2026-03-09", "to", "2026-03-02").problems())
                .extracting(SessionQuery.Problem::parameter).containsExactly("to");
        assertThat(parse("verdict", "healthy", "kind", "tool_error").problems())
                .extracting(SessionQuery.Problem::parameter).containsExactly("kind");
    }

    @Test
    void the_overviews_drill_down_parameters_read_back_and_bad_ones_are_named() {
        var parsed = parse("experiment", "1", "startedFrom", "2026-03-02", "startedTo", "2026-03-02", "verdictSource",
                "HUMAN", "failing", "user_frustration", "rootCauseTurn", "3");
        assertThat(parsed.problems()).isEmpty();
        SessionFilter f = parsed.query().filter();
        assertThat(f.startedFrom()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(f.startedTo()).as("one whole day").isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(f.verdictSource()).isEqualTo("human");
        assertThat(f.failingJudge()).isEqualTo("user_frustration");
        assertThat(f.rootCauseTurn()).isEqualTo(3);
        assertThat(f.anyVerdict().rootCauseTurn()).as("the summary counts the same turn").isEqualTo(3);
        assertThat(parsed.query().toParameters()).containsExactly(Map.entry("experiment", "1"),
                Map.entry("startedFrom", "2026-03-02"), Map.entry("startedTo", "2026-03-02"),
                Map.entry("verdictSource", "human"), Map.entry("failing", "user_frustration"),
                Map.entry("rootCauseTurn", "3"));

        var bad = parse("startedFrom", "2026-03-05", "startedTo", "2026-03-01", "verdictSource", "robot",
                "rootCauseTurn", "0");
        assertThat(bad.problems()).extracting(SessionQuery.Problem::parameter).containsExactly("startedTo",
                "verdictSource", "rootCauseTurn");
        assertThat(bad.query().filter().startedTo()).isNull();
    }
}
