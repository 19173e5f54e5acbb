package io.sessionlens.investigation;

import org.jspecify.annotations.Nullable;

/**
 * What to pin: a session, a turn of it, or a span (with the turn's trace, or found among the session's traces when only
 * the span id is known).
 */
public record EvidenceRef(String experimentId, String sessionId, @Nullable Integer turn, @Nullable String traceId,
        @Nullable String spanId) {}
