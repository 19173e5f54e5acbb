package io.sessionlens.session.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Permalinks into the session feature, for other features' views. */
public final class SessionNavigation {
    private SessionNavigation() {}

    public static String sessionUrl(String experimentId, String sessionId) {
        return "sessions/" + enc(experimentId) + "/" + enc(sessionId);
    }

    public static String turnUrl(String experimentId, String sessionId, int turn) {
        return sessionUrl(experimentId, sessionId) + "?turn=" + turn;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
