package io.sessionlens.trace.ui;

import io.sessionlens.base.ui.RouteIds;

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
}
