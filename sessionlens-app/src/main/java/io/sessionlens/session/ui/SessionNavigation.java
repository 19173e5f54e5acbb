package io.sessionlens.session.ui;

import com.vaadin.flow.router.QueryParameters;
import io.sessionlens.base.ui.RouteIds;
import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionQuery;

/** Permalinks into the session feature, for other features' views and its own. */
public final class SessionNavigation {
    static final String ROUTE = "sessions";

    private SessionNavigation() {}

    public static String sessionUrl(String experimentId, String sessionId) {
        return ROUTE + "/" + RouteIds.encode(experimentId) + "/" + RouteIds.encode(sessionId);
    }

    /** The sessions list with this filter, as the list writes its own URL (newest activity first). */
    public static String listUrl(SessionFilter filter) {
        return listUrl(new SessionQuery(filter, java.util.List.of()));
    }

    public static String listUrl(SessionQuery query) {
        String q = QueryParameters.simple(query.toParameters()).getQueryString();
        return q.isEmpty() ? ROUTE : ROUTE + "?" + q;
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
