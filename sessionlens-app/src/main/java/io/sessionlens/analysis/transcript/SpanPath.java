package io.sessionlens.analysis.transcript;

import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanTree;
import java.util.List;
import java.util.Optional;

/** Finds the span a {@code TurnMapping} names: a span name, or a "/"-path of names from the root. */
final class SpanPath {
    private SpanPath() {}

    static Optional<Span> find(SpanTree tree, String nameOrPath) {
        if (nameOrPath.isBlank()) return Optional.empty();
        List<Span> all = TurnReader.readingOrder(tree);
        // a span may itself be named "a/b", so the literal name is tried before the path
        Optional<Span> byName = all.stream().filter(s -> s.name().equals(nameOrPath)).findFirst();
        if (byName.isPresent() || !nameOrPath.contains("/")) return byName;
        String[] names = nameOrPath.split("/");
        List<Span> level = tree.roots();
        Span found = null;
        for (String name : names) {
            if (name.isEmpty()) continue;
            found = level.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
            if (found == null) return Optional.empty();
            level = tree.children(found.spanId());
        }
        return Optional.ofNullable(found);
    }
}
