package io.sessionlens.trace.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links to the trace page, for other features. The URLs are relative to the app's base URL (as Vaadin's own route
 * URLs are), so they work in an {@code Anchor} and in {@code UI.navigate} alike, under any context path.
 */
public final class TraceNavigation {
    static final String ROUTE = "traces";
    static final String SPAN_PARAMETER = "span";

    private TraceNavigation() {}

    public static String traceUrl(String traceId) {
        return ROUTE + "/" + encode(traceId);
    }

    /** The trace page with the span selected and the tree expanded down to it. */
    public static String traceUrl(String traceId, String spanId) {
        return traceUrl(traceId) + "?" + SPAN_PARAMETER + "=" + encode(spanId);
    }

    static String sessionUrl(String experimentId, String sessionKey) {
        return "sessions/" + encode(experimentId) + "/" + encode(sessionKey);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
