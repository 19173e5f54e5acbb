package io.sessionlens.trace;

import static io.sessionlens.support.TestTraces.T0_NANOS;
import static io.sessionlens.support.TestTraces.id;
import static io.sessionlens.support.TestTraces.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.AppTestBase;
import io.sessionlens.support.TestTraces;
import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentSource;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import io.sessionlens.trace.model.TraceState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SpanTreeServiceTest extends AppTestBase {
    @Autowired SpanTreeService tree;
    @Autowired TraceStore store;
    @Autowired TraceService traces;

    private final String experiment = "exp-tree-" + UUID.randomUUID();

    private String stored(List<Span> spans) {
        String traceId = "tr-" + UUID.randomUUID();
        store.store(List.of(new Trace(TestTraces.info(traceId, experiment, null, Instant.parse("2025-06-01T09:00:00Z"),
                TraceState.OK), spans)));
        return traceId;
    }

    private static List<String> ids(List<SpanRow> rows) {
        return rows.stream().map(SpanRow::spanId).toList();
    }

    @Test
    void roots_are_parentless_self_parented_and_orphaned_spans_in_start_order() {
        String t = stored(List.of(
                span(id(1), null, "main", "AGENT", T0_NANOS + 10, T0_NANOS + 100),
                span(id(2), id(1), "child", "LLM", T0_NANOS + 20, T0_NANOS + 30),
                span(id(3), "00000000deadbeef", "orphan", "TOOL", T0_NANOS + 5, T0_NANOS + 6),   // parent never exported
                span(id(4), id(4), "self", "CHAIN", T0_NANOS + 50, T0_NANOS + 60)));

        assertThat(ids(tree.children(t, null, 0, 50))).containsExactly(id(3), id(1), id(4));
        assertThat(tree.childCount(t, null)).isEqualTo(3);
        assertThat(tree.children(t, null, 0, 50)).extracting(SpanRow::childCount).containsExactly(0, 1, 0);
        assertThat(tree.parent(t, tree.row(t, id(3)).orElseThrow())).isEmpty();
        assertThat(tree.parent(t, tree.row(t, id(2)).orElseThrow())).map(SpanRow::spanId).contains(id(1));
    }

    @Test
    void children_come_a_page_at_a_time_in_start_order_ties_broken_by_span_id() {
        String root = id(1);
        var spans = new java.util.ArrayList<Span>(
                List.of(span(root, null, "root", "AGENT", T0_NANOS, T0_NANOS + 1_000)));
        for (int i = 0; i < 120; i++) {
            spans.add(span(id(1000 + i), root, "call " + i, "TOOL", T0_NANOS + (i / 2), T0_NANOS + 500));   // pairs share a start
        }
        String t = stored(spans);

        List<SpanRow> page2 = tree.children(t, root, 50, 50);
        assertThat(tree.childCount(t, root)).isEqualTo(120);
        assertThat(page2).hasSize(50);
        assertThat(page2.getFirst().name()).isEqualTo("call 50");
        assertThat(tree.children(t, root, 100, 50)).hasSize(20).last().extracting(SpanRow::name).isEqualTo("call 119");
        SpanRow r = tree.row(t, id(1000 + 77)).orElseThrow();
        assertThat(tree.siblingIndex(t, r)).isEqualTo(77);
        assertThat(tree.siblingIndex(t, tree.row(t, root).orElseThrow())).isZero();
    }

    @Test
    void the_path_to_a_deep_span_runs_from_its_root_down_to_the_span() {
        String t = stored(
                TestTraces.agentRun("tr-" + UUID.randomUUID(), experiment, null, Instant.now(), 3, Set.of()).spans());
        // step 2 is span 8; its retriever is 10; the retriever's second child is 12
        List<SpanRow> path = tree.pathTo(t, id(12));

        assertThat(path).extracting(SpanRow::name).containsExactly("agent", "step 2", "retrieve_docs", "vector_search");
        assertThat(path).extracting(SpanRow::childCount).containsExactly(3, 3, 2, 0);
        assertThat(tree.pathTo(t, "ffffffffffffffff")).isEmpty();
    }

    @Test
    void error_spans_are_found_in_depth_first_order_and_next_error_wraps_around() {
        Trace run = TestTraces.agentRun("tr-" + UUID.randomUUID(), experiment, null, Instant.now(), 40,
                Set.of(3, 17, 31));
        store.store(List.of(run));
        String t = run.traceId();
        List<String> expected = run.tree().preorder().stream().filter(Span::hasError).map(Span::spanId).toList();

        assertThat(tree.errorSpanIdsInPreorder(t)).hasSize(3).containsExactlyElementsOf(expected);
        assertThat(tree.nextErrorAfter(t, null)).contains(expected.get(0));
        assertThat(tree.nextErrorAfter(t, expected.get(0))).contains(expected.get(1));
        assertThat(tree.nextErrorAfter(t, id(1))).contains(expected.get(0));                 // from the root
        assertThat(tree.nextErrorAfter(t, expected.get(2))).contains(expected.get(0));        // wraps
        assertThat(tree.row(t, expected.get(1)).orElseThrow().hasError()).isTrue();
    }

    @Test
    void a_trace_without_errors_has_no_next_error() {
        String t = stored(List.of(span(id(1), null, "main", "AGENT", T0_NANOS, T0_NANOS + 1)));
        assertThat(tree.nextErrorAfter(t, id(1))).isEmpty();
        assertThat(tree.errorSpanIdsInPreorder(t)).isEmpty();
    }

    @Test
    void spans_on_a_parent_cycle_are_shown_as_roots_and_keep_their_parents_for_the_export() {
        String t = stored(List.of(
                span(id(1), null, "main", "AGENT", T0_NANOS, T0_NANOS + 100),
                span(id(2), id(3), "a", "TOOL", T0_NANOS + 1, T0_NANOS + 2),
                span(id(3), id(2), "b", "TOOL", T0_NANOS + 3, T0_NANOS + 4),
                span(id(4), id(2), "under a", "TOOL", T0_NANOS + 5, T0_NANOS + 6)));
        // the import warns "shown as extra roots": the tree must show them, nothing may vanish
        assertThat(ids(tree.children(t, null, 0, 10))).containsExactly(id(1), id(2), id(3));
        assertThat(tree.childCount(t, null)).isEqualTo(3);
        assertThat(ids(tree.children(t, id(2), 0, 10))).containsExactly(id(4));
        assertThat(ids(tree.pathTo(t, id(4)))).containsExactly(id(2), id(4));
        // the stored trace is still the one imported: the export and the analysis see the original parents
        var parents = traces.find(t).orElseThrow().spans().stream()
                .collect(java.util.stream.Collectors.toMap(s -> s.spanId(), s -> String.valueOf(s.parentSpanId())));
        assertThat(parents).containsEntry(id(2), id(3)).containsEntry(id(3), id(2)).containsEntry(id(4), id(2));
    }

    @Test
    void the_header_knows_the_turns_before_and_after_in_the_session() {
        String session = "s-" + UUID.randomUUID();
        Instant t0 = Instant.parse("2025-06-01T09:00:00Z");
        List<Trace> turns = List.of(
                TestTraces.agentRun("tr-a-" + session, experiment, session, t0, 1, Set.of()),
                TestTraces.agentRun("tr-b-" + session, experiment, session, t0.plusSeconds(60), 2, Set.of(0)),
                TestTraces.agentRun("tr-c-" + session, experiment, session, t0.plusSeconds(120), 1, Set.of()));
        store.store(turns);

        TraceHeader middle = tree.header("tr-b-" + session).orElseThrow();
        assertThat(middle.previousTraceId()).isEqualTo("tr-a-" + session);
        assertThat(middle.nextTraceId()).isEqualTo("tr-c-" + session);
        assertThat(middle.turnNumber()).isEqualTo(2);
        assertThat(middle.turnCount()).isEqualTo(3);
        assertThat(middle.sessionId()).isEqualTo(session);
        assertThat(middle.spanCount()).isEqualTo(13);
        assertThat(middle.errorSpanCount()).isEqualTo(1);
        assertThat(middle.state()).isEqualTo(TraceState.ERROR);
        assertThat(middle.spansStartNs()).isEqualTo(T0_NANOS);
        assertThat(middle.spansDurationNs()).isEqualTo(20_000_000L);
        assertThat(tree.header("tr-a-" + session).orElseThrow().previousTurn()).isEmpty();
        assertThat(tree.header("tr-c-" + session).orElseThrow().nextTurn()).isEmpty();
    }

    @Test
    void an_unknown_trace_has_no_header_and_no_rows() {
        assertThat(tree.header("tr-nope")).isEmpty();
        assertThat(tree.children("tr-nope", null, 0, 50)).isEmpty();
        assertThat(tree.span("tr-nope", id(1))).isEmpty();
    }

    @Test
    void the_full_span_and_its_own_assessments_are_read_back() {
        String traceId = "tr-" + UUID.randomUUID();
        var feedback = new Assessment("a-1", "tool_ok", Assessment.Kind.FEEDBACK, id(2),
                AssessmentSource.of("LLM_JUDGE", "judge"),
                null, null, "\"no\"", null, null, "The tool timed out.", Map.of(), null, true, "{}");
        var traceLevel = new Assessment("a-2", "helpful", Assessment.Kind.FEEDBACK, null,
                AssessmentSource.of("HUMAN", "ann"),
                null, null, "true", null, null, null, Map.of(), null, true, "{}");
        TraceInfo info = TestTraces.info(traceId, experiment, null, Instant.now(), TraceState.OK);
        info = new TraceInfo(info.traceId(), info.experimentId(), info.requestTime(), info.executionDurationMs(),
                info.state(),
                null, null, null, info.metadata(), info.tags(), List.of(feedback, traceLevel));
        store.store(List.of(new Trace(info, List.of(
                span(id(1), null, "main", "AGENT", T0_NANOS, T0_NANOS + 100),
                TestTraces.failed(
                        span(id(2), id(1), "tool", "TOOL", T0_NANOS + 1, T0_NANOS + 50, Map.of("custom", "plain text")),
                        "TimeoutError", "took too long")))));

        Span s = tree.span(traceId, id(2)).orElseThrow();
        assertThat(s.attribute("custom")).isEqualTo("plain text");
        assertThat(s.events()).singleElement().satisfies(e -> assertThat(e.isException()).isTrue());
        assertThat(tree.assessments(traceId, id(2))).extracting(Assessment::name).containsExactly("tool_ok");
        assertThat(tree.assessments(traceId, id(1))).isEmpty();
    }
}
