package io.sessionlens.session.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the search engine indexes of one session's row (decision 041): its filter and sort columns, its judges and its
 * text; never the stored analysis itself ({@code analysed} says only whether one is there).
 */
public record SearchSource(String experimentId, String sessionKey, @Nullable String userId, String worstState,
        int turnCount, int errorTurns, Instant firstRequestTime, Instant lastRequestTime, long totalDurationMs,
        @Nullable Integer rootCauseTurn, @Nullable String rootCauseKind, @Nullable String verdictSource,
        int analysisVersion, boolean hasAnalysis, @Nullable String sessionJudges, @Nullable String turnJudges,
        @Nullable String failingJudges, @Nullable String searchText) {}
