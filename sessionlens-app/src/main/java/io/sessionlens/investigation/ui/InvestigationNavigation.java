package io.sessionlens.investigation.ui;

/** Permalinks to investigations, for other features' views and this one's. */
public final class InvestigationNavigation {
    static final String ROUTE = "investigations";

    private InvestigationNavigation() {}

    public static String listUrl() {
        return ROUTE;
    }

    public static String investigationUrl(long id) {
        return ROUTE + "/" + id;
    }

    static String exportUrl(long id, String format) {
        return "api/investigations/" + id + "/export?format=" + format;
    }
}
