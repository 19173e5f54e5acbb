package io.sessionlens.session;

/** What the sessions list can be sorted by: one key per sortable column. The service maps each to its index column. */
public enum SessionSort {
    SESSION, STATE, ROOT_CAUSE, TURNS, ERRORS, FIRST_REQUEST, LAST_REQUEST, LATENCY, USER, EXPERIMENT;

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
