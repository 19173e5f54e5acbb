package io.sessionlens.trace;

import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.TraceState;
import io.sessionlens.trace.persistence.AssessmentRepository;
import io.sessionlens.trace.persistence.SpanEntity;
import io.sessionlens.trace.persistence.SpanHead;
import io.sessionlens.trace.persistence.SpanLink;
import io.sessionlens.trace.persistence.SpanRepository;
import io.sessionlens.trace.persistence.SpanWindow;
import io.sessionlens.trace.persistence.TraceEntity;
import io.sessionlens.trace.persistence.TraceMapping;
import io.sessionlens.trace.persistence.TraceRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads one trace's span tree a level and a page at a time, so a 50,000-span trace opens as fast as a small one.
 * Siblings are in start order (ties by span id). Roots are spans without a parent, spans naming themselves as parent,
 * and orphans whose parent is not in the trace.
 */
@Service
@Transactional(readOnly = true)
public class SpanTreeService {
    private static final int ID_BATCH = 500;
    /** Keys are taken from a sequence starting at 1, and traces stored before V37 got -n .. -1. */
    private static final long NO_TRACE = Long.MIN_VALUE;

    private final TraceRepository traces;
    private final SpanRepository spans;
    private final AssessmentRepository assessments;

    SpanTreeService(TraceRepository traces, SpanRepository spans, AssessmentRepository assessments) {
        this.traces = traces;
        this.spans = spans;
        this.assessments = assessments;
    }

    public Optional<TraceHeader> header(String traceId) {
        return traces.findById(traceId).map(this::header);
    }

    private TraceHeader header(TraceEntity t) {
        SpanWindow w = spans.findWindow(t.getTracePk());
        String e = t.getExperimentId(), k = t.getSessionKey(), id = t.getTraceId();
        var at = t.getRequestTime();
        return new TraceHeader(id, e, t.getSessionId(), k, t.getTraceName(), at, t.getDurationMs(),
                TraceState.parse(t.getState()),
                t.getSpanCount(), t.getErrorSpanCount(), w.startNs() == null ? 0 : w.startNs(),
                w.endNs() == null ? 0 : w.endNs(),
                first(traces.findPreviousInSession(e, k, at, id)), first(traces.findNextInSession(e, k, at, id)),
                (int) traces.countEarlierInSession(e, k, at, id) + 1, (int) traces.countInSession(e, k));
    }

    /** A page of the children of a span, or of the roots when {@code parentSpanId} is null. */
    public List<SpanRow> children(String traceId, @Nullable String parentSpanId, int offset, int limit) {
        if (limit <= 0 || offset < 0) return List.of();
        long pk = pk(traceId);
        List<String> ids = parentSpanId == null
                ? spans.findRootIds(pk, offset, limit)
                : spans.findChildIds(pk, parentSpanId, offset, limit);
        return rowsInOrder(pk, ids);
    }

    public int childCount(String traceId, @Nullable String parentSpanId) {
        long pk = pk(traceId);
        return (int) (parentSpanId == null ? spans.countRoots(pk) : spans.countChildren(pk, parentSpanId));
    }

    public Optional<SpanRow> row(String traceId, String spanId) {
        return rowsInOrder(pk(traceId), List.of(spanId)).stream().findFirst();
    }

    /** The row's parent in the tree; empty for a root (also for an orphan, whose stored parent is not in the trace). */
    public Optional<SpanRow> parent(String traceId, SpanRow row) {
        String p = row.parentSpanId();
        return p == null || p.equals(row.spanId()) ? Optional.empty() : row(traceId, p);
    }

    /** The row's position among its siblings, as {@link #children} pages them. */
    public int siblingIndex(String traceId, SpanRow row) {
        long pk = pk(traceId);
        return (int) (parent(traceId, row).isEmpty()
                ? spans.countRootsBefore(pk, row.startNs(), row.spanId())
                : spans.countChildrenBefore(pk, row.parentSpanId(), row.startNs(), row.spanId()));
    }

    /** The rows from the span's root down to the span itself; empty for an unknown span or one on a parent cycle. */
    public List<SpanRow> pathTo(String traceId, String spanId) {
        long pk = pk(traceId);
        SpanPreorder order = preorder(pk);
        order.add(links(pk, List.of(spanId)));
        order.loadAncestors();
        return rowsInOrder(pk, order.path(spanId).stream().flatMap(List::stream).map(SpanLink::spanId).toList());
    }

    /** The rows of these spans, in the order given; ids not in the trace are left out. */
    private List<SpanRow> rowsInOrder(long pk, List<String> ids) {
        if (ids.isEmpty()) return List.of();
        Map<String, SpanRow> rows = new HashMap<>();
        for (List<String> batch : batches(ids)) {
            for (SpanHead h : spans.findHeads(batch.stream().map(id -> new SpanEntity.Key(pk, id)).toList())) {
                rows.put(h.spanId(),
                        new SpanRow(h.spanId(), h.parentSpanId(), h.name(), h.spanType(), h.startNs(), h.endNs(),
                                SpanStatus.parse(h.status()), h.hasError(), (int) h.childCount()));
            }
        }
        return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The full span with attributes and events. */
    public Optional<Span> span(String traceId, String spanId) {
        return spans.findById(new SpanEntity.Key(pk(traceId), spanId)).map(TraceMapping::toModel);
    }

    /** Assessments attached to this span (not the trace-level ones). */
    public List<Assessment> assessments(String traceId, String spanId) {
        return assessments.findSpan(pk(traceId), spanId).stream().map(TraceMapping::toModel).toList();
    }

    /** The trace-level assessments (the turn's judges), not those attached to a span. */
    public List<Assessment> traceAssessments(String traceId) {
        return assessments.findTrace(pk(traceId)).stream().map(TraceMapping::toModel).filter(a -> a.spanId() == null)
                .toList();
    }

    /**
     * Where a failure started: the first error span, in depth-first order, with no error span below it (an agent span
     * fails because its tool did; the tool is where to look). Empty when the trace has no reachable error span.
     */
    public Optional<String> firstErrorOrigin(String traceId) {
        List<String> errors = errorSpanIdsInPreorder(traceId);
        for (int i = 0; i < errors.size(); i++) {
            if (i + 1 == errors.size()) return Optional.of(errors.get(i));
            String current = errors.get(i);
            boolean below = pathTo(traceId, errors.get(i + 1)).stream().anyMatch(r -> r.spanId().equals(current));
            if (!below) return Optional.of(current);
        }
        return Optional.empty();
    }

    /** Every span with an error, in the order a depth-first walk of the tree meets them. */
    public List<String> errorSpanIdsInPreorder(String traceId) {
        long pk = pk(traceId);
        SpanPreorder order = preorder(pk);
        List<SpanLink> errors = spans.findErrorLinks(pk);
        order.add(errors);
        order.loadAncestors();
        return errors.stream().map(l -> order.path(l.spanId())).flatMap(Optional::stream).sorted(SpanPreorder.PREORDER)
                .map(p -> p.getLast().spanId()).toList();
    }

    /**
     * The spans to expand so that the first {@code maxErrors} error spans (depth-first order) are visible: every
     * ancestor of each, roots first. One batch of queries per tree level, however many errors there are.
     */
    public List<SpanRow> ancestorsOfErrors(String traceId, int maxErrors) {
        long pk = pk(traceId);
        SpanPreorder order = preorder(pk);
        List<SpanLink> errors = spans.findErrorLinks(pk);
        order.add(errors);
        order.loadAncestors();
        java.util.LinkedHashSet<String> ancestors = new java.util.LinkedHashSet<>();
        errors.stream().map(l -> order.path(l.spanId())).flatMap(Optional::stream).sorted(SpanPreorder.PREORDER)
                .limit(Math.max(0, maxErrors))
                .forEach(p -> p.subList(0, p.size() - 1).forEach(a -> ancestors.add(a.spanId())));
        return rowsInOrder(pk, List.copyOf(ancestors));
    }

    /**
     * The first error span after {@code spanId} in depth-first order, wrapping around to the first error of the trace;
     * with no span given, the first error. Empty when the trace has no reachable error span.
     */
    public Optional<String> nextErrorAfter(String traceId, @Nullable String spanId) {
        long pk = pk(traceId);
        SpanPreorder order = preorder(pk);
        List<SpanLink> errors = spans.findErrorLinks(pk);
        order.add(errors);
        if (spanId != null) order.add(links(pk, List.of(spanId)));
        order.loadAncestors();
        List<List<SpanLink>> sorted = errors.stream().map(l -> order.path(l.spanId())).flatMap(Optional::stream)
                .sorted(SpanPreorder.PREORDER).toList();
        if (sorted.isEmpty()) return Optional.empty();
        Optional<List<SpanLink>> from = spanId == null ? Optional.empty() : order.path(spanId);
        return from.flatMap(f -> sorted.stream().filter(p -> SpanPreorder.PREORDER.compare(p, f) > 0).findFirst())
                .or(() -> Optional.of(sorted.getFirst()))
                .map(p -> p.getLast().spanId());
    }

    private SpanPreorder preorder(long pk) {
        return new SpanPreorder(ids -> links(pk, ids));
    }

    private List<SpanLink> links(long pk, Collection<String> ids) {
        return spans.findLinks(ids.stream().map(id -> new SpanEntity.Key(pk, id)).toList());
    }

    /**
     * The numeric key the trace's spans are stored under (V37); for an unknown trace a key no trace has, so every
     * query answers as for a trace without spans.
     */
    private long pk(String traceId) {
        return traces.findPk(traceId).orElse(NO_TRACE);
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += ID_BATCH) out.add(ids.subList(i, Math.min(ids.size(), i + ID_BATCH)));
        return out;
    }

    private static @Nullable String first(Collection<String> ids) {
        return ids.isEmpty() ? null : ids.iterator().next();
    }
}
