package io.sessionlens.investigation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One piece of pinned evidence: a whole session ({@code turn} and {@code spanId} null), a turn, or a span of a turn's
 * trace ({@code spanName} as the tree shows it), with the quote that matters and who pinned it when.
 */
public record Pin(long id, String experimentId, String sessionId, @Nullable Integer turn, @Nullable String traceId,
        @Nullable String spanId, @Nullable String spanName, String quote, String pinnedBy, Instant pinnedAt) {

    /** "session", "turn 3", "span ToolCall.search (turn 3)". */
    public String what() {
        if (spanId != null)
            return "span " + (spanName == null ? spanId : spanName) + (turn == null ? "" : " (turn " + turn + ")");
        if (turn != null) return "turn " + turn;
        return "session";
    }
}
