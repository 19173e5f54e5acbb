package io.sessionlens.trace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One turn of a session as the index sees it (no spans loaded). */
public record TurnRow(int index, String traceId, Instant requestTime, long durationMs, String state, int spanCount,
        int errorSpanCount, @Nullable String userId, @Nullable String requestPreview, @Nullable String responsePreview,
        long totalTokens) {}
