package io.sessionlens.review.ui;

/** Links into the review queues, for other pages (the Sessions page's "Create review queue from this filter"). */
public final class ReviewNavigation {
    public static final String ROUTE = "queues";

    private ReviewNavigation() {}

    public static String queueUrl(long id) {
        return ROUTE + "/" + id;
    }

    public static String reviewUrl(long id) {
        return ROUTE + "/" + id + "/review";
    }

    /** The new-queue form with the sessions filter given as the Sessions page's query string. */
    public static String newQueueUrl(String sessionsQueryString) {
        return ROUTE + "/new" + (sessionsQueryString.isEmpty() ? "" : "?" + sessionsQueryString);
    }
}
