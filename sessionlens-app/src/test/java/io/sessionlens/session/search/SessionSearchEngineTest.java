package io.sessionlens.session.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionService;
import io.sessionlens.session.SessionSort;
import io.sessionlens.session.SessionSort.Order;
import io.sessionlens.session.SessionVerdict;
import io.sessionlens.session.persistence.SessionIndexEntity;
import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.support.AppTestBase;
import io.sessionlens.trace.SessionRef;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions list as the search engine answers it (decision 041), on the running app's own index: the same sessions as
 * {@code SessionSearchTest} gives the database, so both answer alike: each filter, each sort with its ties, the summary's
 * counts; text by word beginnings and id prefix; and the index follows every committed change of a row, and none that
 * rolled back.
 */
class SessionSearchEngineTest extends AppTestBase {
    private static final Instant DAY1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant DAY3 = Instant.parse("2026-03-03T10:00:00Z");
    private static boolean saved;

    @Autowired SessionIndexRepository index;
    @Autowired SessionService sessions;
    @Autowired SessionSearchIndex engine;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void sessions() {
        assertThat(engine.ready()).as("the index is built when the app has started").isTrue();
        if (saved) return;
        saved = true;
        save(row("se-a", "alpha", DAY1, DAY1, 3, "se-ana", "OK", 0, null, 900, "Refund for order 100% paid"));
        save(row("se-a", "bravo", DAY1, DAY2, 5, "se-ben", "ERROR", 2, 4, 4_000, "Where is my parcel?"));
        save(row("se-b", "charlie", DAY2, DAY3, 1, "se-ana", "IN_PROGRESS", 0, null, 200,
                "Book a table for two, plan-b if full"));
        save(row("se-b", "delta", DAY3, DAY3, 2, null, "OK", 1, 1, 1_500, "Cancel my plan_b subscription"));
        var judged = row("se-b", "echo", DAY1, DAY2, 4, "se-cy", "OK", 0, 2, 3_000, "Which plan fits a family?");
        judged.setSessionJudges("[{\"name\":\"user_frustration\",\"value\":\"unresolved\",\"verdict\":\"FAIL\"}]");
        judged.setFailingJudges(",\"user_frustration\",");
        save(judged);
        var resolved = row("se-a", "foxtrot", DAY1, DAY1, 2, "se-cy", "OK", 0, null, 100, "Thanks, that worked");
        resolved.setSessionJudges("[{\"name\":\"user_frustration\",\"value\":\"resolved\",\"verdict\":\"PASS\"}]");
        save(resolved);
    }

    @Test
    void without_a_sort_the_newest_activity_comes_first_and_ties_keep_the_key_order() {
        assertThat(keys(SessionFilter.none(), List.of())).containsExactly("se-b/charlie", "se-b/delta", "se-a/bravo",
                "se-b/echo", "se-a/alpha", "se-a/foxtrot");
    }

    @Test
    void pages_show_every_session_once_and_the_total_counts_them_all() {
        var mine = new SessionFilter("se-b", null, null, null, null, null, false, false, null, null);
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 2; page++)
            sessions.search(mine, List.of(), page, 2).forEach(r -> paged.add(r.experimentId() + "/" + r.sessionId()));
        assertThat(paged).containsExactly("se-b/charlie", "se-b/delta", "se-b/echo");
        assertThat(sessions.search(mine, List.of(), 0, 2).getTotalElements()).isEqualTo(3);
        assertThat(sessions.count(mine)).isEqualTo(3);
    }

    @Test
    void a_page_read_backwards_from_the_end_is_the_same_page() {
        for (var sort : List.of(List.<Order>of(), List.of(Order.ascending(SessionSort.USER)),
                List.of(Order.descending(SessionSort.ROOT_CAUSE)), List.of(Order.ascending(SessionSort.STATE),
                        Order.descending(SessionSort.TURNS)))) {
            var all = engine.search(SessionFilter.none().withStarted(DAY1, DAY3.plusSeconds(1)), sort, 0, 1000)
                    .sessions();
            for (int offset = 0; offset < all.size(); offset++) {
                for (int size : List.of(1, 2, 4)) {
                    var backwards = engine.search(SessionFilter.none().withStarted(DAY1, DAY3.plusSeconds(1)), sort,
                            offset, size, 0);
                    assertThat(backwards.sessions()).as(sort + " offset " + offset + " size " + size)
                            .isEqualTo(all.subList(offset, Math.min(all.size(), offset + size)));
                    assertThat(backwards.total()).isEqualTo(all.size());
                }
            }
        }
    }

    @Test
    void following_the_cursor_page_after_page_shows_the_list_in_order_every_sort_both_ways() {
        var filter = SessionFilter.none().withStarted(DAY1, DAY3.plusSeconds(1));
        List<List<Order>> sorts = new java.util.ArrayList<>();
        sorts.add(List.of());
        for (SessionSort key : SessionSort.values()) {
            sorts.add(List.of(Order.ascending(key)));
            sorts.add(List.of(Order.descending(key)));
        }
        sorts.add(List.of(Order.ascending(SessionSort.STATE), Order.descending(SessionSort.ROOT_CAUSE)));
        for (var sort : sorts) {
            var all = engine.search(filter, sort, 0, 1000).sessions();
            for (int size : List.of(1, 2, 4)) {
                List<SessionRef> followed = new java.util.ArrayList<>();
                var page = engine.slice(filter, sort, null, 0, size);
                followed.addAll(page.sessions());
                for (int guard = 0; page.next() != null && guard < 10_000; guard++) {
                    page = engine.slice(filter, sort, page.next(), 0, size);
                    followed.addAll(page.sessions());
                }
                assertThat(followed).as(sort + " size " + size).isEqualTo(all);
            }
            // a page some rows past a cursor, as the grid asks when it skips ahead a little
            var first = engine.slice(filter, sort, null, 0, 2);
            assertThat(engine.slice(filter, sort, first.next(), 1, 2).sessions()).as(sort + " skip 1")
                    .isEqualTo(all.subList(3, 5));
        }
    }

    @Test
    void a_cursor_goes_on_after_its_last_row_when_a_new_session_arrives_before_it() {
        var filter = new SessionFilter("sx-cursor", null, null, null, null, null, false, false, null, null);
        Instant t = Instant.parse("2026-02-01T10:00:00Z");   // outside the days the other tests list
        try {
            for (int i = 1; i <= 3; i++)
                save(row("sx-cursor", "c" + i, t, t.plusSeconds(10L * i), 1, null, "OK", 0, null, 10, "turn " + i));
            var first = sessions.slice(filter, List.of(), null, 0, 2);
            assertThat(first.rows()).extracting(r -> r.sessionId()).containsExactly("c3", "c2");
            save(row("sx-cursor", "c4", t, t.plusSeconds(40), 1, null, "OK", 0, null, 10, "newest"));   // on top
            var second = sessions.slice(filter, List.of(), first.next(), 0, 2);
            assertThat(second.rows()).as("by position it would show c2 again").extracting(r -> r.sessionId())
                    .containsExactly("c1");
            assertThat(second.next()).as("nothing after the last row").isNull();
        } finally {
            new TransactionTemplate(transactions).executeWithoutResult(s -> index.findAll().stream()
                    .filter(e -> e.ref().experimentId().equals("sx-cursor")).forEach(index::delete));
        }
    }

    @Test
    void a_cursor_of_another_order_or_no_cursor_at_all_is_refused_by_name() {
        var page = engine.slice(SessionFilter.none(), List.of(), null, 0, 2);
        assertThat(page.next()).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.slice(SessionFilter.none(),
                List.of(Order.ascending(SessionSort.TURNS)), page.next(), 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another sort order");
        for (String junk : List.of("x", "not a cursor!", "AAAA", page.next().substring(0, 8)))
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.slice(SessionFilter.none(), List.of(),
                    junk, 0, 2)).as(junk).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cursor:");
    }

    @Test
    void each_column_sorts_by_what_it_shows_with_ties_by_experiment_then_session() {
        assertThat(keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.SESSION))))
                .containsExactly("se-a/alpha", "se-a/bravo", "se-b/charlie", "se-b/delta", "se-b/echo",
                        "se-a/foxtrot");
        assertThat(keys(SessionFilter.none(), List.of(Order.descending(SessionSort.TURNS))))
                .containsExactly("se-a/bravo", "se-b/echo", "se-a/alpha", "se-a/foxtrot", "se-b/delta",
                        "se-b/charlie");
        assertThat(keys(SessionFilter.none(), List.of(Order.descending(SessionSort.LATENCY))))
                .containsExactly("se-a/bravo", "se-b/echo", "se-b/delta", "se-a/alpha", "se-b/charlie",
                        "se-a/foxtrot");
        assertThat(keys(SessionFilter.none(), List.of(Order.descending(SessionSort.ERRORS))).subList(0, 2))
                .containsExactly("se-a/bravo", "se-b/delta");
        assertThat(keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.FIRST_REQUEST))).getLast())
                .isEqualTo("se-b/delta");
        assertThat(keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.STATE))).getFirst())
                .isEqualTo("se-a/bravo");
        assertThat(keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.USER))))
                .as("no user sorts lowest, as in H2; ana twice, cy twice, their sessions in key order")
                .containsExactly("se-b/delta", "se-a/alpha", "se-b/charlie", "se-a/bravo", "se-a/foxtrot",
                        "se-b/echo");
        assertThat(keys(SessionFilter.none(), List.of(Order.descending(SessionSort.ROOT_CAUSE))))
                .as("no root cause last, those in key order")
                .containsExactly("se-a/bravo", "se-b/echo", "se-b/delta", "se-a/alpha", "se-a/foxtrot",
                        "se-b/charlie");
        assertThat(keys(SessionFilter.none(),
                List.of(Order.ascending(SessionSort.STATE), Order.descending(SessionSort.TURNS))))
                .containsExactly("se-a/bravo", "se-b/charlie", "se-b/echo", "se-a/alpha", "se-a/foxtrot",
                        "se-b/delta");
    }

    @Test
    void filters_keep_the_sessions_they_name() {
        assertThat(keys(new SessionFilter("se-a", null, null, null, null, null, false, false, null, null), List.of()))
                .containsExactly("se-a/bravo", "se-a/alpha", "se-a/foxtrot");
        assertThat(keys(new SessionFilter(null, "se-ana", null, null, null, null, false, false, null, null),
                List.of())).containsExactly("se-b/charlie", "se-a/alpha");
        assertThat(keys(new SessionFilter(null, null, null, null, null, "error", false, false, null, null), List.of()))
                .as("the state in any case").containsExactly("se-a/bravo");
        assertThat(keys(new SessionFilter(null, null, null, null, null, null, true, false, null, null), List.of()))
                .containsExactly("se-b/delta", "se-a/bravo");
        assertThat(keys(new SessionFilter(null, null, null, null, null, null, false, true, null, null), List.of()))
                .containsExactly("se-b/delta", "se-a/bravo", "se-b/echo");
        assertThat(keys(SessionFilter.none().withVerdict(SessionVerdict.HEALTHY, null), List.of()))
                .containsExactly("se-b/charlie", "se-a/alpha", "se-a/foxtrot");
        assertThat(keys(SessionFilter.none().withRootCauseTurn(4), List.of())).containsExactly("se-a/bravo");
        assertThat(keys(SessionFilter.none().withFailingJudge("user_frustration"), List.of()))
                .containsExactly("se-b/echo");
        assertThat(keys(SessionFilter.none().withStarted(DAY2, DAY3), List.of())).containsExactly("se-b/charlie");
    }

    @Test
    void a_time_range_keeps_the_sessions_active_in_it() {
        var onDay2 = new SessionFilter(null, null, null, DAY2, DAY2, null, false, false, null, null);
        assertThat(keys(onDay2, List.of())).containsExactly("se-b/charlie", "se-a/bravo", "se-b/echo");
    }

    @Test
    void text_matches_word_beginnings_of_the_chat_or_the_session_id_in_any_case() {
        assertThat(keys(SessionFilter.none().withText("PARCEL"), List.of())).containsExactly("se-a/bravo");
        assertThat(keys(SessionFilter.none().withText("parc"), List.of())).as("a word being typed")
                .containsExactly("se-a/bravo");
        assertThat(keys(SessionFilter.none().withText("charl"), List.of())).containsExactly("se-b/charlie");
        assertThat(keys(SessionFilter.none().withText("100%"), List.of())).containsExactly("se-a/alpha");
        assertThat(keys(SessionFilter.none().withText("plan_b"), List.of())).as("plan-b is two words, plan_b one")
                .containsExactly("se-b/delta");
        assertThat(keys(SessionFilter.none().withText("table two"), List.of())).as("every word, in any order")
                .containsExactly("se-b/charlie");
        assertThat(keys(SessionFilter.none().withText("table parcel"), List.of())).isEmpty();
        assertThat(keys(SessionFilter.none().withText("*"), List.of())).as("no wildcard syntax").isEmpty();
    }

    @Test
    void a_judge_filter_keeps_sessions_with_that_judge_and_value_in_any_case() {
        assertThat(keys(new SessionFilter(null, null, null, null, null, null, false, false, "user_frustration", null),
                List.of())).containsExactly("se-b/echo", "se-a/foxtrot");
        assertThat(keys(new SessionFilter(null, null, null, null, null, null, false, false, "user_frustration",
                "Unresolved"), List.of())).containsExactly("se-b/echo");
    }

    @Test
    void the_summary_counts_what_the_database_counts() {
        for (String exp : List.of("se-a", "se-b")) {
            var f = new SessionFilter(exp, null, null, null, null, null, false, false, null, null);
            var fromEngine = sessions.summary(f);
            var fromDatabase = new TransactionTemplate(transactions).execute(tx -> index.summarise(f));
            assertThat(fromEngine).isEqualTo(fromDatabase);
        }
    }

    @Test
    void the_index_follows_committed_changes_and_ignores_rolled_back_ones() {
        save(row("se-c", "golf", DAY1, DAY1, 1, "se-dee", "OK", 0, null, 10, "Golf lessons on Sunday"));
        assertThat(keys(SessionFilter.none().withText("golf lessons"), List.of())).containsExactly("se-c/golf");

        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            var e = index.findByRef(new SessionRef("se-c", "golf")).orElseThrow();
            e.humanVerdict(1, "tool_error");
        });
        assertThat(keys(SessionFilter.none().withVerdict(null, "tool_error").withText("golf"), List.of()))
                .containsExactly("se-c/golf");

        tx.executeWithoutResult(s -> {
            index.findByRef(new SessionRef("se-c", "golf")).orElseThrow().setUserId("se-someone-else");
            s.setRollbackOnly();
        });
        assertThat(keys(new SessionFilter(null, "se-dee", null, null, null, null, false, false, null, null),
                List.of())).containsExactly("se-c/golf");

        tx.executeWithoutResult(s -> index.delete(index.findByRef(new SessionRef("se-c", "golf")).orElseThrow()));
        assertThat(keys(SessionFilter.none().withText("golf"), List.of())).isEmpty();
    }

    @Test
    void a_rebuilt_index_answers_as_the_kept_one() {
        List<String> before = keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.USER)));
        engine.rebuild();
        assertThat(engine.ready()).isTrue();
        assertThat(keys(SessionFilter.none(), List.of(Order.ascending(SessionSort.USER)))).isEqualTo(before);
        assertThat(keys(SessionFilter.none().withText("parcel"), List.of())).containsExactly("se-a/bravo");
    }

    /** This test's sessions (experiments se-…) in the list's order; other tests' sessions share the database. */
    private List<String> keys(SessionFilter filter, List<Order> sort) {
        return sessions.search(filter, sort, 0, 1000).stream()
                .filter(r -> r.experimentId().startsWith("se-"))
                .map(r -> r.experimentId() + "/" + r.sessionId()).toList();
    }

    private void save(SessionIndexEntity e) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> index.save(e));
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
        if (rootCauseTurn != null) e.setRootCauseKind("tool_error");
        e.setTotalDurationMs(latencyMs);
        e.setFirstInput(text);
        e.setSearchText(session + "\n" + text.toLowerCase(Locale.ROOT));
        e.setUpdatedAt(last);
        e.setAnalysisJson("{}");
        e.markAnalysed();
        return e;
    }
}
