package io.sessionlens.review;

import io.sessionlens.trace.SessionRef;
import java.time.Instant;

/**
 * An item the reviewer now holds, locked for them until {@code lockedUntil}: its session and where they are in the
 * queue ({@code number} of {@code total}: "12 of 40").
 */
public record Claim(long queueId, String queueName, long itemId, SessionRef session, Instant lockedUntil, long number,
        long total, java.util.List<String> labelSchemas) {
    public Claim {
        labelSchemas = java.util.List.copyOf(labelSchemas);
    }
}
