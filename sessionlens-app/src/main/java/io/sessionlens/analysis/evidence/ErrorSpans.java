package io.sessionlens.analysis.evidence;

import io.sessionlens.analysis.ErrorSpan;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanEvent;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.SpanTree;
import io.sessionlens.trace.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The failed spans of a turn, in tree order, with the exception MLflow recorded for each. A span failed when its
 * status is ERROR; an exception event on a span that succeeded is listed as handled (decision 011).
 */
public final class ErrorSpans {
    private ErrorSpans() {}

    public static List<ErrorSpan> of(Trace trace) {
        List<ErrorSpan> out = new ArrayList<>();
        for (Span s : trace.tree().preorder()) {
            if (s.hasError()) out.add(describe(s));
        }
        return out;
    }

    public static ErrorSpan describe(Span s) {
        Optional<SpanEvent> ex = s.events().stream().filter(SpanEvent::isException).findFirst();
        String message = ex.map(e -> blankToNull(e.attribute(MlflowKeys.EXCEPTION_MESSAGE))).orElse(null);
        if (message == null) message = blankToNull(s.statusMessage());
        return new ErrorSpan(s.spanId(), s.name(), message,
                ex.map(e -> blankToNull(e.attribute(MlflowKeys.EXCEPTION_TYPE))).orElse(null),
                ex.map(e -> blankToNull(e.attribute(MlflowKeys.EXCEPTION_STACKTRACE))).orElse(null), !failed(s));
    }

    /** The span's own verdict: an exception it recorded and survived is not a failure. */
    public static boolean failed(Span s) {
        return s.status() == SpanStatus.ERROR;
    }

    /** Spans that recorded an exception but succeeded: warnings an analyst may want to see, never failures. */
    public static List<Span> handled(Trace trace) {
        return trace.tree().preorder().stream().filter(s -> s.hasError() && !failed(s)).toList();
    }

    /**
     * A failure propagates up the tree (the caller of a failed call fails too); the spans where it started are the
     * failed spans none of whose descendants failed.
     */
    public static List<Span> origins(Trace trace) {
        SpanTree tree = trace.tree();
        List<Span> out = new ArrayList<>();
        for (Span s : tree.preorder()) {
            if (failed(s) && !anyDescendantFailed(tree, s)) out.add(s);
        }
        return out;
    }

    private static boolean anyDescendantFailed(SpanTree tree, Span s) {
        ArrayList<Span> stack = new ArrayList<>(tree.children(s.spanId()));
        while (!stack.isEmpty()) {
            Span c = stack.removeLast();
            if (failed(c)) return true;
            stack.addAll(tree.children(c.spanId()));
        }
        return false;
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
