package io.sessionlens.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.QueryParameters;
import io.sessionlens.base.ui.RouteIds;
import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionQuery;
import io.sessionlens.trace.SessionRef;

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

    /**
     * What another feature shows on the session page: the annotation feature's annotations and label schemas. It sits
     * above this one (it names sessions), so it provides the parts as a bean instead of this feature calling it
     * (decision record 027). {@link #of} is called once per drawing of the page.
     */
    public interface PageParts {
        Parts of(SessionRef ref);
    }

    /** The parts of one drawing of one session's page. */
    public interface Parts {
        /** Under the header: the session's own annotations and the "Annotate" action. */
        Component header();

        /** On a turn card, under the turn: its annotations (and its spans'). */
        Component turn(int turn, String traceId);

        /** In the side panel: settings of the experiment the page may show (label schemas). */
        Component panel();
    }

    /** The page without parts (no provider in the context). */
    static Parts none() {
        return new Parts() {
            @Override
            public Component header() {
                return new com.vaadin.flow.component.html.Div();
            }
            @Override
            public Component turn(int turn, String traceId) {
                return new com.vaadin.flow.component.html.Div();
            }
            @Override
            public Component panel() {
                return new com.vaadin.flow.component.html.Div();
            }
        };
    }
}
