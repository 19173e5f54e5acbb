package io.sessionlens.trace.ui;

import com.vaadin.flow.component.Component;
import io.sessionlens.base.ui.RouteIds;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Links to the trace page, for other features. The URLs are relative to the app's base URL (as Vaadin's own route
 * URLs are), so they work in an {@code Anchor} and in {@code UI.navigate} alike, under any context path.
 */
public final class TraceNavigation {
    static final String ROUTE = "traces";
    static final String SPAN_PARAMETER = "span";

    private TraceNavigation() {}

    public static String traceUrl(String traceId) {
        return ROUTE + "/" + RouteIds.encode(traceId);
    }

    /** The trace page with the span selected and the tree expanded down to it. */
    public static String traceUrl(String traceId, String spanId) {
        return traceUrl(traceId) + "?" + SPAN_PARAMETER + "=" + RouteIds.encode(spanId);
    }

    /**
     * Where the trace page's "Session" link goes. The session feature sits above trace (it reads traces), so the trace
     * page may not call its navigation; the session feature provides this as a bean instead of trace keeping a copy of
     * the session URL.
     */
    public interface SessionLinks {
        String sessionUrl(String experimentId, String sessionKey);
    }

    /**
     * The turn's trace-level judges as the session page reads them (with the experiment's failing values), so the span
     * page shows the same verdicts. Provided by the session feature, for the same reason as {@link SessionLinks}.
     */
    public interface TurnJudges {
        /** Empty when the turn has no trace-level judges, or its session could not be read. */
        List<TurnJudge> of(String experimentId, String sessionKey, String traceId);
    }

    /**
     * One judge of a turn, as the span page shows it.
     *
     * @param verdict {@code pass}, {@code fail}, {@code neutral} or {@code unknown}
     */
    public record TurnJudge(String name, String value, String verdict, @Nullable String rationale, String source) {}

    /**
     * What another feature shows with a span on the trace page: the annotation feature's annotations of the selected
     * span, and which spans of the tree carry some. Provided as a bean, for the same reason as {@link SessionLinks}.
     */
    public interface SpanParts {
        /**
         * The selected span's part (its annotations and an "Annotate" action); {@code onChanged} runs (in the UI) when
         * they change, so the tree's mark follows.
         */
        Component span(String experimentId, String sessionKey, String traceId, String spanId, Runnable onChanged);

        /** The spans of the trace that have annotations: the tree marks them. */
        Set<String> marked(String experimentId, String sessionKey, String traceId);
    }
}
