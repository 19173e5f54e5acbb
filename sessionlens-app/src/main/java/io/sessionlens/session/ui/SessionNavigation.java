package io.sessionlens.session.ui;

import io.sessionlens.base.ui.RouteIds;

/** Permalinks into the session feature, for other features' views and its own. */
public final class SessionNavigation {
    static final String ROUTE = "sessions";

    private SessionNavigation() {}

    public static String sessionUrl(String experimentId, String sessionId) {
        return ROUTE + "/" + RouteIds.encode(experimentId) + "/" + RouteIds.encode(sessionId);
    }

    public static String turnUrl(String experimentId, String sessionId, int turn) {
        return sessionUrl(experimentId, sessionId) + "?turn=" + turn;
    }

    /** The session as a Markdown transcript, served by the session API. */
    public static String transcriptUrl(String experimentId, String sessionId) {
        return "api/sessions/" + RouteIds.encode(sessionId) + "/transcript.md?experimentId="
                + RouteIds.encode(experimentId);
    }
}
