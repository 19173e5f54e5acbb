package io.sessionlens.session;

/** What the sessions list can be sorted by: one key per sortable column. The service maps each to its index column. */
public enum SessionSort {
    SESSION("sessionKey"), STATE("worstState"), ROOT_CAUSE("rootCauseTurn"), TURNS("turnCount"), ERRORS(
            "errorTurns"), FIRST_REQUEST("firstRequestTime"), LAST_REQUEST(
                    "lastRequestTime"), LATENCY("totalDurationMs"), USER("userId"), EXPERIMENT("experimentId");

    private final String field;

    SessionSort(String field) {
        this.field = field;
    }

    /** The session row's property this key sorts by: the same name in the index row and the search engine's document. */
    public String field() {
        return field;
    }

    /** One key and its direction; a list of them sorts by the first, then the next, and so on. */
    public record Order(SessionSort key, boolean descending) {
        public static Order ascending(SessionSort key) {
            return new Order(key, false);
        }

        public static Order descending(SessionSort key) {
            return new Order(key, true);
        }
    }
}
