package io.sessionlens.base.live;

/** The names of live-update topics that more than one feature publishes or hears. */
public final class LiveTopics {
    private LiveTopics() {}

    /**
     * Anything shown on one session's page: its verdict, annotations, pins. Experiment and session ids are joined by a
     * character neither holds in practice; a clash would only cost a needless refresh.
     */
    public static String session(String experimentId, String sessionId) {
        return "session:" + experimentId + "/" + sessionId;
    }
}
