package io.sessionlens.session.ui;

import io.sessionlens.trace.ui.TraceNavigation;
import org.springframework.stereotype.Component;

/** Gives the trace page its "Session" link without the trace feature depending on this one. */
@Component
class SessionLinksForTraces implements TraceNavigation.SessionLinks {
    @Override
    public String sessionUrl(String experimentId, String sessionKey) {
        return SessionNavigation.sessionUrl(experimentId, sessionKey);
    }
}
