package io.sessionlens.trace.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parent/child structure of a trace's spans. Spans whose parent is missing (orphans) or which sit on a parent
 * cycle become extra roots, as MLflow's UI does with in-progress traces. Roots and children are in start-time
 * order.
 */
public final class SpanTree {
    private final List<Span> roots;
    private final Map<String, List<Span>> children;
    private final Map<String, Span> byId;

    private SpanTree(List<Span> roots, Map<String, List<Span>> children, Map<String, Span> byId) {
        this.roots = roots;
        this.children = children;
        this.byId = byId;
    }

    public static SpanTree of(List<Span> spans) {
        Map<String, Span> byId = new HashMap<>();
        for (Span s : spans) byId.putIfAbsent(s.spanId(), s);
        Comparator<Span> order = Comparator.comparingLong(Span::startTimeUnixNano).thenComparing(Span::spanId);
        Set<String> onCycle = spansOnParentCycles(byId);
        List<Span> roots = new ArrayList<>();
        Map<String, List<Span>> children = new HashMap<>();
        for (Span s : byId.values()) {
            String p = s.parentSpanId();
            if (p == null || !byId.containsKey(p) || p.equals(s.spanId()) || onCycle.contains(s.spanId())) {
                roots.add(s);
            } else {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(s);
            }
        }
        roots.sort(order);
        children.values().forEach(l -> l.sort(order));
        return new SpanTree(List.copyOf(roots), children, byId);
    }

    /** Ids of the spans on a parent cycle (A → B → A, or a span that names itself as parent). */
    public static Set<String> onParentCycles(List<Span> spans) {
        Map<String, Span> byId = new HashMap<>();
        for (Span s : spans) byId.putIfAbsent(s.spanId(), s);
        return spansOnParentCycles(byId);
    }

    /** Spans on a parent cycle (A → B → A) can never reach a root, so each of them becomes a root. */
    private static Set<String> spansOnParentCycles(Map<String, Span> byId) {
        Set<String> onCycle = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (String start : byId.keySet()) {
            Map<String, Integer> pathIndex = new HashMap<>();
            List<String> path = new ArrayList<>();
            String cur = start;
            while (cur != null && byId.containsKey(cur) && !done.contains(cur)) {
                Integer seenAt = pathIndex.putIfAbsent(cur, path.size());
                if (seenAt != null) {
                    onCycle.addAll(path.subList(seenAt, path.size()));
                    break;
                }
                path.add(cur);
                cur = byId.get(cur).parentSpanId();
            }
            done.addAll(path);
        }
        return onCycle;
    }

    public List<Span> roots() {
        return roots;
    }

    /** The turn's root: the earliest parentless span. */
    public Optional<Span> root() {
        return roots.stream().filter(Span::isRoot).findFirst().or(() -> roots.stream().findFirst());
    }

    public List<Span> children(String spanId) {
        return children.getOrDefault(spanId, List.of());
    }

    public Optional<Span> span(String spanId) {
        return Optional.ofNullable(byId.get(spanId));
    }

    public int size() {
        return byId.size();
    }

    /** Depth-first, parents before children, each level in start order. */
    public List<Span> preorder() {
        List<Span> out = new ArrayList<>(byId.size());
        java.util.ArrayDeque<Span> stack = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) stack.push(roots.get(i));
        while (!stack.isEmpty()) {
            Span s = stack.pop();
            out.add(s);
            List<Span> kids = children(s.spanId());
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
        }
        return out;
    }
}
