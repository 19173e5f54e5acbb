package io.sessionlens.trace.model;

import static io.sessionlens.support.TestTraces.T0_NANOS;
import static io.sessionlens.support.TestTraces.id;
import static io.sessionlens.support.TestTraces.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-built span lists (not real exports): the shapes MLflow's UI has to cope with, including broken ones. */
class SpanTreeTest {

    private static Span at(long n, String parent, long startOffset) {
        return span(id(n), parent, "span " + n, "CHAIN", T0_NANOS + startOffset, T0_NANOS + startOffset + 10);
    }

    private static List<String> names(List<Span> spans) {
        return spans.stream().map(Span::name).toList();
    }

    @Test
    void children_hang_under_their_parent_in_start_order_whatever_order_they_were_exported_in() {
        SpanTree tree = SpanTree.of(List.of(at(3, id(1), 30), at(1, null, 0), at(2, id(1), 20), at(4, id(2), 25)));

        assertThat(names(tree.roots())).containsExactly("span 1");
        assertThat(tree.root()).map(Span::name).hasValue("span 1");
        assertThat(names(tree.children(id(1)))).containsExactly("span 2", "span 3");
        assertThat(names(tree.children(id(2)))).containsExactly("span 4");
        assertThat(tree.children(id(4))).isEmpty();
        assertThat(tree.size()).isEqualTo(4);
    }

    @Test
    void preorder_puts_parents_before_children_and_each_level_in_start_order() {
        SpanTree tree = SpanTree
                .of(List.of(at(1, null, 0), at(2, id(1), 10), at(3, id(1), 5), at(4, id(2), 11), at(5, id(3), 6)));

        assertThat(names(tree.preorder())).containsExactly("span 1", "span 3", "span 5", "span 2", "span 4");
    }

    @Test
    void spans_that_start_together_are_ordered_by_id() {
        SpanTree tree = SpanTree.of(List.of(at(1, null, 0), at(3, id(1), 10), at(2, id(1), 10)));

        assertThat(names(tree.children(id(1)))).containsExactly("span 2", "span 3");
    }

    @Test
    void a_span_whose_parent_was_never_exported_is_a_root_of_its_own_but_not_the_turns_root() {
        Span orphan = span(id(9), "00000000000fffff", "late_callback", "UNKNOWN", T0_NANOS - 100, T0_NANOS);
        SpanTree tree = SpanTree.of(List.of(at(1, null, 0), at(2, id(1), 5), orphan));

        assertThat(names(tree.roots())).containsExactly("late_callback", "span 1");
        assertThat(tree.root()).map(Span::name).hasValue("span 1");
        assertThat(names(tree.preorder())).containsExactly("late_callback", "span 1", "span 2");
    }

    @Test
    void a_trace_with_only_orphans_still_has_a_root_the_earliest_one() {
        SpanTree tree = SpanTree.of(List.of(at(2, id(7), 20), at(3, id(7), 10)));

        assertThat(tree.root()).map(Span::name).hasValue("span 3");
    }

    @Test
    void spans_on_a_parent_cycle_each_become_a_root_and_keep_their_other_children() {
        // 2 → 3 → 2 is a cycle; 4 hangs under 3; 5 names itself as its parent
        List<Span> spans = List.of(at(1, null, 0), at(2, id(3), 10), at(3, id(2), 20), at(4, id(3), 30),
                at(5, id(5), 40));
        SpanTree tree = SpanTree.of(spans);

        assertThat(SpanTree.onParentCycles(spans)).containsExactlyInAnyOrder(id(2), id(3), id(5));
        assertThat(names(tree.roots())).containsExactly("span 1", "span 2", "span 3", "span 5");
        assertThat(names(tree.children(id(3)))).containsExactly("span 4");
        assertThat(tree.children(id(2))).isEmpty();
        assertThat(tree.preorder()).hasSize(5);
        assertThat(tree.root()).map(Span::name).hasValue("span 1");
    }

    @Test
    void a_well_formed_trace_has_no_spans_on_cycles() {
        assertThat(SpanTree.onParentCycles(List.of(at(1, null, 0), at(2, id(1), 5), at(3, id(2), 6)))).isEmpty();
    }

    @Test
    void a_span_id_exported_twice_is_kept_once_the_first_time() {
        Span first = at(2, id(1), 10);
        Span again = span(id(2), id(1), "duplicate", "CHAIN", T0_NANOS + 50, T0_NANOS + 60);
        SpanTree tree = SpanTree.of(List.of(at(1, null, 0), first, again));

        assertThat(tree.size()).isEqualTo(2);
        assertThat(tree.span(id(2))).hasValue(first);
        assertThat(names(tree.children(id(1)))).containsExactly("span 2");
    }

    @Test
    void lookups_of_unknown_spans_are_empty() {
        SpanTree tree = SpanTree.of(List.of(at(1, null, 0)));

        assertThat(tree.span(id(42))).isEmpty();
        assertThat(tree.children(id(42))).isEmpty();
        assertThat(SpanTree.of(List.of()).root()).isEmpty();
        assertThat(SpanTree.of(List.of()).preorder()).isEmpty();
    }
}
