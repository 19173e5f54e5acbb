package io.sessionlens.trace.persistence;

import static io.sessionlens.support.TestTraces.failed;
import static io.sessionlens.support.TestTraces.info;
import static io.sessionlens.support.TestTraces.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.TokenUsage;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

/**
 * The span tree's queries on a real H2 with the Flyway schema: the trace page opens a level and a page at a time, so
 * what counts as a root, the sibling order, the child counts, positions and the error links must be right in SQL.
 */
@DataJpaTest
class SpanRepositoryTest {
    private static final String TRACE = "tr-0000000000000000000000000000e001";
    /** The numeric key the trace's spans are stored under (V37); another trace's key for the leak check. */
    private static final long PK = 42, OTHER_PK = 43;
    private static final long T = 1_000_000_000L;

    @Autowired TraceRepository traces;
    @Autowired SpanRepository spans;

    @BeforeEach
    void storeTrace() {
        // root ─┬─ b (starts later) ─── b1
        //       └─ a (starts first, fails)
        // self  (names itself as parent)     orphan (parent never exported)
        List<Span> all = List.of(
                span("root", null, "agent", "AGENT", T, 10 * T),
                span("b", "root", "retrieve", "RETRIEVER", 3 * T, 5 * T),
                failed(span("a", "root", "search_flights", "TOOL", 2 * T, 3 * T), "HTTPError",
                        "503 Service Unavailable"),
                span("b1", "b", "lookup", "TOOL", 4 * T, 4 * T + 500),
                span("self", "self", "loop", "CHAIN", 11 * T, 12 * T),
                span("orphan", "never-exported", "late", "LLM", 13 * T, 14 * T));
        var rows = TraceMapping.toRows(new Trace(info(TRACE, "exp-1", "s-1", Instant.parse("2026-03-01T10:00:00Z"),
                TraceState.OK), all), Instant.parse("2026-03-01T11:00:00Z"),
                new TraceMapping.TraceFacts(1, TokenUsage.NONE));
        rows.assignKey(PK);
        traces.save(rows.trace());
        spans.saveAll(rows.spans());
        spans.flush();
    }

    @Test
    void roots_are_spans_without_parent_naming_themselves_or_whose_parent_was_never_exported_in_start_order() {
        assertThat(spans.countRoots(PK)).isEqualTo(3);
        assertThat(spans.findRootIds(PK, 0, 10)).containsExactly("root", "self", "orphan");
        assertThat(spans.findRootIds(PK, 1, 1)).containsExactly("self");
    }

    @Test
    void children_come_a_page_at_a_time_in_start_order_and_a_self_parent_is_not_its_own_child() {
        assertThat(spans.countChildren(PK, "root")).isEqualTo(2);
        assertThat(spans.findChildIds(PK, "root", 0, 10)).containsExactly("a", "b");
        assertThat(spans.findChildIds(PK, "root", 1, 10)).containsExactly("b");
        assertThat(spans.countChildren(PK, "self")).isZero();
    }

    @Test
    void a_page_of_heads_carries_each_spans_child_count_and_error_flag() {
        List<SpanHead> heads = spans
                .findHeads(List.of(new SpanEntity.Key(PK, "root"), new SpanEntity.Key(PK, "a"),
                        new SpanEntity.Key(PK, "b")));
        assertThat(heads).extracting(SpanHead::spanId, SpanHead::childCount, SpanHead::hasError)
                .containsExactlyInAnyOrder(tuple("root", 2L, false),
                        tuple("a", 0L, true), tuple("b", 1L, false));
    }

    @Test
    void positions_among_siblings_let_the_page_reveal_a_span_deep_in_a_level() {
        assertThat(spans.countRootsBefore(PK, 13 * T, "orphan")).isEqualTo(2);
        assertThat(spans.countChildrenBefore(PK, "root", 3 * T, "b")).isEqualTo(1);
    }

    @Test
    void the_failed_span_is_found_with_its_parent_for_next_error_and_the_window_spans_the_trace() {
        assertThat(spans.findErrorLinks(PK)).extracting(SpanLink::spanId, SpanLink::parentSpanId).containsExactly(
                tuple("a", "root"));
        SpanWindow window = spans.findWindow(PK);
        assertThat(window.startNs()).isEqualTo(T);
        assertThat(window.endNs()).isEqualTo(14 * T);
    }

    @Test
    void another_traces_spans_never_leak_into_this_one() {
        assertThat(spans.countRoots(OTHER_PK)).isZero();
        assertThat(spans.findTrace(PK)).hasSize(6);
    }
}
