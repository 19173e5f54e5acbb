package io.sessionlens.session.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.session.SessionSummary;
import io.sessionlens.session.SessionVerdict;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * "12 sessions: 7 with a root cause (3 tool errors, 2 outdated documents …) · 4 healthy · 1 not analysed", each count a
 * link that filters the list to it (and back, when it is the filter already).
 */
final class SummaryLine extends Div {
    /** The list's URL for a verdict and kind (both null: every verdict). */
    private final BiFunction<@Nullable SessionVerdict, @Nullable String, String> link;

    SummaryLine(BiFunction<@Nullable SessionVerdict, @Nullable String, String> link) {
        this.link = link;
        setId("sessions-summary");
        addClassName("sl-summary");
    }

    void show(SessionSummary s, @Nullable SessionVerdict verdict, @Nullable String kind) {
        removeAll();
        if (s.total() == 0) return;
        add(item(s.total() + (s.total() == 1 ? " session" : " sessions"), "all", null, null,
                verdict == null && kind == null), new Span(": "));
        add(item(s.rootCause() + " with a root cause", "root_cause", SessionVerdict.ROOT_CAUSE, null,
                verdict == SessionVerdict.ROOT_CAUSE && kind == null));
        if (!s.byKind().isEmpty()) {
            add(new Span(" ("));
            boolean first = true;
            for (Map.Entry<String, Long> k : s.byKind().entrySet()) {
                if (!first) add(new Span(", "));
                first = false;
                add(item(k.getValue() + " " + kindLabel(k.getKey(), k.getValue()), "kind-" + k.getKey(),
                        SessionVerdict.ROOT_CAUSE,
                        k.getKey(), k.getKey().equals(kind)));
            }
            add(new Span(")"));
        }
        add(new Span(" · "), item(s.healthy() + " healthy", "healthy", SessionVerdict.HEALTHY, null,
                verdict == SessionVerdict.HEALTHY));
        if (s.notAnalysed() > 0)
            add(new Span(" · "), item(s.notAnalysed() + " not analysed", "not_analysed", SessionVerdict.NOT_ANALYSED,
                    null, verdict == SessionVerdict.NOT_ANALYSED));
    }

    private Anchor item(String text, String key, @Nullable SessionVerdict v, @Nullable String kind, boolean active) {
        // The active filter's link clears it; the others set theirs.
        var a = new Anchor(active && v != null ? link.apply(null, null) : link.apply(v, kind), text);
        a.getElement().setAttribute("data-summary", key);
        a.addClassName("sl-summary-item");
        if (active) {
            a.addClassName("sl-active");
            a.getElement().setAttribute("aria-current", "true");
            if (v != null) a.setTitle("Showing only these; click again for all");
        }
        if (key.startsWith("kind-") || key.equals("root_cause")) a.addClassName("sl-summary-cause");
        return a;
    }

    /** The kind as the session page words it, counted: "1 tool error", "3 tool errors", "2 lost context". */
    static String kindLabel(String wire, long n) {
        String label = kindLabel(wire);
        return n == 1 || label.equals("lost context") ? label : label + "s";
    }

    /**
     * The kind as the session page words it ("other fault": a bare "other" beside a count reads as "1 other session");
     * a name an older analysis stored is shown as it is.
     */
    static String kindLabel(String wire) {
        try {
            RootCauseKind kind = RootCauseKind.ofWire(wire);
            return kind == RootCauseKind.OTHER ? "other fault" : kind.label();
        } catch (IllegalArgumentException older) {
            return wire.replace('_', ' ');
        }
    }
}
