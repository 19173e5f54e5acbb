package io.sessionlens.trace.model;

import org.jspecify.annotations.Nullable;

/** Trace state; 2.x wrote it as {@code status} with TRACE_STATUS_UNSPECIFIED. */
public enum TraceState {
    OK, ERROR, IN_PROGRESS, STATE_UNSPECIFIED;

    public static TraceState parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) return STATE_UNSPECIFIED;
        return switch (raw.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "OK" -> OK;
            case "ERROR" -> ERROR;
            case "IN_PROGRESS" -> IN_PROGRESS;
            default -> STATE_UNSPECIFIED;
        };
    }

    /** For a session's "worst state": ERROR beats IN_PROGRESS beats the rest. */
    public int severity() {
        return switch (this) {
            case ERROR -> 3;
            case IN_PROGRESS -> 2;
            case STATE_UNSPECIFIED -> 1;
            case OK -> 0;
        };
    }
}
