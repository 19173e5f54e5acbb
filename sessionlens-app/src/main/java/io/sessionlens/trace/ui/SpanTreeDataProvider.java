package io.sessionlens.trace.ui;

import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import io.sessionlens.trace.SpanRow;
import io.sessionlens.trace.SpanTreeService;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Feeds the span TreeGrid one page of one level at a time from the database: expanding a span with 10,000 children
 * reads the 50 rows in view, not the 10,000. Holds only the trace id. Parent and sibling position are answered from
 * the database too, which lets the grid scroll to and expand down to any span.
 */
final class SpanTreeDataProvider extends AbstractBackEndHierarchicalDataProvider<SpanRow, Void> {
    private final SpanTreeService tree;
    private final String traceId;
    /** Finding roots means checking every span's parent; the trace does not change while it is shown, so count once. */
    private @Nullable Integer rootCount;
    private final Map<String, String> labels;

    /** {@code labels} gets a telling name for each span whose siblings share its name (see {@link SpanLabels}). */
    SpanTreeDataProvider(SpanTreeService tree, String traceId, Map<String, String> labels) {
        this.tree = tree;
        this.traceId = traceId;
        this.labels = labels;
    }

    @Override
    protected Stream<SpanRow> fetchChildrenFromBackEnd(HierarchicalQuery<SpanRow, Void> query) {
        List<SpanRow> rows = tree.children(traceId, parentId(query), query.getOffset(), query.getLimit());
        labels.putAll(SpanLabels.of(rows, row -> tree.span(traceId, row.spanId()).orElse(null)));
        return rows.stream();
    }

    @Override
    public int getChildCount(HierarchicalQuery<SpanRow, Void> query) {
        SpanRow parent = query.getParent();
        if (parent != null) return parent.childCount();
        if (rootCount == null) rootCount = tree.childCount(traceId, null);
        return rootCount;
    }

    @Override
    public void refreshAll() {
        rootCount = null;
        super.refreshAll();
    }

    @Override
    public boolean hasChildren(SpanRow item) {
        return item.hasChildren();
    }

    @Override
    public Object getId(SpanRow item) {
        return item.spanId();
    }

    @Override
    public @Nullable SpanRow getParent(SpanRow item) {
        return tree.parent(traceId, item).orElse(null);
    }

    @Override
    public int getItemIndex(SpanRow item, HierarchicalQuery<SpanRow, Void> query) {
        return tree.siblingIndex(traceId, item);
    }

    private static @Nullable String parentId(HierarchicalQuery<SpanRow, Void> query) {
        SpanRow parent = query.getParent();
        return parent == null ? null : parent.spanId();
    }
}
