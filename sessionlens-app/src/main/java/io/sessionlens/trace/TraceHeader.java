package io.sessionlens.trace;

import io.sessionlens.trace.model.TraceState;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the top of a trace page shows, read without loading a single span: the trace's facts, the time window its
 * spans cover (for waterfall bars) and its neighbours in the session.
 *
 * @param sessionKey the session id, or the trace id for a trace without one (a one-turn session of its own)
 * @param spansStartNs earliest span start; 0 for a trace without spans
 * @param spansEndNs latest span end (or start, for spans that never ended); 0 for a trace without spans
 * @param turnNumber 1-based position of this trace in its session by request time
 */
public record TraceHeader(String traceId, String experimentId, @Nullable String sessionId, String sessionKey,
        @Nullable String traceName, Instant requestTime, @Nullable Long durationMs, TraceState state, int spanCount,
        int errorSpanCount, long spansStartNs, long spansEndNs, @Nullable String previousTraceId,
        @Nullable String nextTraceId, int turnNumber, int turnCount) {

    public Optional<String> previousTurn() {
        return Optional.ofNullable(previousTraceId);
    }

    public Optional<String> nextTurn() {
        return Optional.ofNullable(nextTraceId);
    }

    public long spansDurationNs() {
        return Math.max(0, spansEndNs - spansStartNs);
    }
}
