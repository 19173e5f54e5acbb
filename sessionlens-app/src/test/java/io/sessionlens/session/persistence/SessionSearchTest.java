package io.sessionlens.session.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionSort;
import io.sessionlens.session.SessionSort.Order;
import io.sessionlens.trace.SessionRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

/**
 * The sessions list's query on a real H2 with the Flyway schema: each filter of {@link SessionFilter} keeps the sessions
 * an analyst expects, and each {@link SessionSort} key orders them as the column header promises, newest first by
 * default, with ties in a stable order so paging never shows a session twice.
 */
@DataJpaTest
class SessionSearchTest {
    private static final Instant DAY1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant DAY3 = Instant.parse("2026-03-03T10:00:00Z");

    @Autowired SessionIndexRepository index;

    @BeforeEach
    void sessions() {
        // key              experiment  first  last  turns  user     state    errors  root  latency  text
        save(row("exp-a", "alpha", DAY1, DAY1, 3, "ana", "OK", 0, null, 900, "Refund for order 100% paid"));
        save(row("exp-a", "bravo", DAY1, DAY2, 5, "ben", "ERROR", 2, 4, 4_000, "Where is my parcel?"));
        save(row("exp-b", "charlie", DAY2, DAY3, 1, "ana", "IN_PROGRESS", 0, null, 200,
                "Book a table for two, plan-b if full"));
        save(row("exp-b", "delta", DAY3, DAY3, 2, null, "OK", 1, 1, 1_500, "Cancel my plan_b subscription"));
        var judged = row("exp-b", "echo", DAY1, DAY2, 4, "cy", "OK", 0, 2, 3_000, "Which plan fits a family?");
        judged.setSessionJudges("[{\"name\":\"user_frustration\",\"value\":\"unresolved\",\"verdict\":\"FAIL\"}]");
        save(judged);
        var resolved = row("exp-a", "foxtrot", DAY1, DAY1, 2, "cy", "OK", 0, null, 100, "Thanks, that worked");
        resolved.setSessionJudges("[{\"name\":\"user_frustration\",\"value\":\"resolved\",\"verdict\":\"PASS\"}]");
        save(resolved);
    }

    @Test
    void without_a_sort_the_newest_activity_comes_first_and_ties_keep_the_key_order() {
        assertThat(keys(SessionFilter.none(), List.of())).containsExactly("exp-b/charlie", "exp-b/delta", "exp-a/bravo",
                "exp-b/echo", "exp-a/alpha", "exp-a/foxtrot");
    }

    @Test
    void pages_of_the_default_order_show_every_session_once() {
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            index.search(SessionFilter.none(), List.of(), page, 2).forEach(e -> paged.add(key(e)));
        }
        assertThat(paged).containsExactlyElementsOf(keys(SessionFilter.none(), List.of()));
        assertThat(index.search(SessionFilter.none(), List.of(), 0, 2).getTotalElements()).isEqualTo(6);
    }

    @Test
    void each_column_sorts_by_what_it_shows() {
        assertThat(keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.SESSION))))
                .containsExactly("exp-a/alpha", "exp-a/bravo", "exp-b/charlie", "exp-b/delta", "exp-b/echo",
                        "exp-a/foxtrot");
        assertThat(keys(SessionFilter.none(), List.of(Order.descending(SessionSort.TURNS))))
                .containsExactly("exp-a/bravo", "exp-b/echo", "exp-a/alpha", "exp-a/foxtrot", "exp-b/delta",
                        "exp-b/charlie");
        assertThat(keys(SessionFilter.none(), List.of(Order.descending(SessionSort.LATENCY))))
                .containsExactly("exp-a/bravo", "exp-b/echo", "exp-b/delta", "exp-a/alpha", "exp-b/charlie",
                        "exp-a/foxtrot");
        assertThat(keys(SessionFilter.none(), List.of(Order.descending(SessionSort.ERRORS))).subList(0, 2))
                .containsExactly("exp-a/bravo", "exp-b/delta");
        assertThat(keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.FIRST_REQUEST))).getLast())
                .isEqualTo("exp-b/delta");
        assertThat(keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.STATE))).getFirst())
                .isEqualTo("exp-a/bravo");
        assertThat(keys(SessionFilter.none(), List.of(Order.descending(SessionSort.EXPERIMENT))).getFirst())
                .startsWith("exp-b/");
    }

    @Test
    void equal_values_are_ordered_by_experiment_then_session_whatever_the_sort() {
        // where the database puts a session without a user is its own choice (H2 first, PostgreSQL last)
        assertThat(keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.USER))).stream()
                .filter(k -> !k.equals("exp-b/delta")))
                .as("ana twice, cy twice; their sessions in key order")
                .containsExactly("exp-a/alpha", "exp-b/charlie", "exp-a/bravo", "exp-a/foxtrot", "exp-b/echo");
        assertThat(keys(SessionFilter.none(),
                List.of(Order.ascending(SessionSort.STATE), Order.descending(SessionSort.TURNS))))
                .as("by state, then the longest first").containsExactly("exp-a/bravo", "exp-b/charlie", "exp-b/echo",
                        "exp-a/alpha",
                        "exp-a/foxtrot", "exp-b/delta");
    }

    @Test
    void filters_keep_the_sessions_they_name() {
        var none = SessionFilter.none();
        assertThat(keys(new SessionFilter("exp-a", null, null, null, null, null, false, false, null, null), List.of()))
                .containsExactlyInAnyOrder("exp-a/alpha", "exp-a/bravo", "exp-a/foxtrot");
        assertThat(keys(new SessionFilter(null, "ana", null, null, null, null, false, false, null, null), List.of()))
                .containsExactlyInAnyOrder("exp-a/alpha", "exp-b/charlie");
        assertThat(keys(new SessionFilter(null, null, null, null, null, "error", false, false, null, null), List.of()))
                .as("the state in any case").containsExactly("exp-a/bravo");
        assertThat(keys(new SessionFilter(null, null, null, null, null, null, true, false, null, null), List.of()))
                .containsExactlyInAnyOrder("exp-a/bravo", "exp-b/delta");
        assertThat(keys(new SessionFilter(null, null, null, null, null, null, false, true, null, null), List.of()))
                .containsExactlyInAnyOrder("exp-a/bravo", "exp-b/delta", "exp-b/echo");
        assertThat(index.countMatching(none)).isEqualTo(6);
    }

    @Test
    void a_time_range_keeps_the_sessions_active_in_it() {
        var onDay2 = new SessionFilter(null, null, null, DAY2, DAY2, null, false, false, null, null);
        assertThat(keys(onDay2, List.of())).containsExactlyInAnyOrder("exp-b/charlie", "exp-a/bravo", "exp-b/echo");
        var fromDay3 = new SessionFilter(null, null, null, DAY3, null, null, false, false, null, null);
        assertThat(keys(fromDay3, List.of())).containsExactlyInAnyOrder("exp-b/charlie", "exp-b/delta");
    }

    @Test
    void text_matches_the_session_id_or_words_of_the_chat_in_any_case_and_literally() {
        assertThat(keys(SessionFilter.none().withText("PARCEL"), List.of())).containsExactly("exp-a/bravo");
        assertThat(keys(SessionFilter.none().withText("charl"), List.of())).containsExactly("exp-b/charlie");
        assertThat(keys(SessionFilter.none().withText("100%"), List.of())).as("% is a character, not a wildcard")
                .containsExactly("exp-a/alpha");
        assertThat(keys(SessionFilter.none().withText("plan_b"), List.of())).as("_ too: plan-b is not plan_b")
                .containsExactly("exp-b/delta");
        assertThat(keys(SessionFilter.none().withText("no such words"), List.of())).isEmpty();
    }

    @Test
    void a_judge_filter_keeps_sessions_with_that_session_judge_and_value() {
        assertThat(keys(new SessionFilter(null, null, null, null, null, null, false, false, "user_frustration", null),
                List.of()))
                .containsExactlyInAnyOrder("exp-b/echo", "exp-a/foxtrot");
        assertThat(keys(
                new SessionFilter(null, null, null, null, null, null, false, false, "user_frustration", "unresolved"),
                List.of()))
                .containsExactly("exp-b/echo");
    }

    private List<String> keys(SessionFilter filter, List<Order> sort) {
        return index.search(filter, sort, 0, 50).map(SessionSearchTest::key).toList();
    }

    private static String key(SessionIndexEntity e) {
        return e.getExperimentId() + "/" + e.getSessionKey();
    }

    private void save(SessionIndexEntity e) {
        index.saveAndFlush(e);
    }

    private static SessionIndexEntity row(String experiment, String session, Instant first, Instant last, int turns,
            @Nullable String user, String state, int errorTurns, @Nullable Integer rootCauseTurn, long latencyMs,
            String text) {
        var e = new SessionIndexEntity(new SessionRef(experiment, session));
        e.setSessionId(session);
        e.setTurnCount(turns);
        e.setFirstRequestTime(first);
        e.setLastRequestTime(last);
        e.setUserId(user);
        e.setWorstState(state);
        e.setErrorTurns(errorTurns);
        e.setRootCauseTurn(rootCauseTurn);
        e.setTotalDurationMs(latencyMs);
        e.setFirstInput(text);
        e.setSearchText(session + "\n" + text.toLowerCase(Locale.ROOT));
        e.setUpdatedAt(last);
        e.markAnalysed();
        return e;
    }
}
