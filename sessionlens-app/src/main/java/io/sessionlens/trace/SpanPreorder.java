package io.sessionlens.trace;

import io.sessionlens.trace.persistence.SpanLink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Orders a few spans of a huge trace as a depth-first walk of the tree would, without loading the tree: each span's
 * key is the path of (start, span id) from its root down to it, and ancestors are fetched level by level, a batch per
 * level. Uses the same rules as the tree rows: a missing or self-named parent makes a root; a span on a parent cycle
 * can never be reached from a root and gets no key.
 */
final class SpanPreorder {
    private static final int BATCH = 500;

    private final Function<Collection<String>, List<SpanLink>> loadLinks;
    private final Map<String, SpanLink> known = new HashMap<>();
    private final Set<String> missing = new HashSet<>();

    /** @param loadLinks the links of the given span ids that exist in the trace */
    SpanPreorder(Function<Collection<String>, List<SpanLink>> loadLinks) {
        this.loadLinks = loadLinks;
    }

    static final Comparator<List<SpanLink>> PREORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Long.compare(a.get(i).startNs(), b.get(i).startNs());
            if (c == 0) c = a.get(i).spanId().compareTo(b.get(i).spanId());
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());   // an ancestor comes before its descendants
    };

    void add(Collection<SpanLink> links) {
        for (SpanLink l : links) known.put(l.spanId(), l);
    }

    /** Fetches every ancestor of the known spans that is not known yet, one query batch per tree level. */
    void loadAncestors() {
        Set<String> frontier = new LinkedHashSet<>();
        for (SpanLink l : known.values()) addParent(frontier, l);
        while (!frontier.isEmpty()) {
            List<String> ids = new ArrayList<>(frontier);
            frontier.clear();
            for (int i = 0; i < ids.size(); i += BATCH) {
                List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
                Set<String> found = new HashSet<>();
                for (SpanLink l : loadLinks.apply(batch)) {
                    known.put(l.spanId(), l);
                    found.add(l.spanId());
                }
                for (String id : batch) if (!found.contains(id)) missing.add(id);
                for (String id : found) addParent(frontier, known.get(id));
            }
        }
    }

    private void addParent(Set<String> frontier, SpanLink l) {
        String p = l.parentSpanId();
        if (p != null && !p.equals(l.spanId()) && !known.containsKey(p) && !missing.contains(p)) frontier.add(p);
    }

    /** Root first, ending with the span; empty when the span is unknown or sits on a parent cycle. */
    Optional<List<SpanLink>> path(String spanId) {
        List<SpanLink> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SpanLink cur = known.get(spanId);
        while (cur != null) {
            if (!seen.add(cur.spanId())) return Optional.empty();
            path.add(cur);
            String p = cur.parentSpanId();
            cur = p == null || p.equals(cur.spanId()) ? null : known.get(p);
        }
        if (path.isEmpty()) return Optional.empty();
        java.util.Collections.reverse(path);
        return Optional.of(path);
    }
}
