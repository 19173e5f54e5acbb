package io.sessionlens.session.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the sessions list as read by key: the list's columns without the stored analysis or the search text. */
public record ListRow(String experimentId, String sessionKey, @Nullable String sessionId, int turnCount,
        Instant firstRequestTime, Instant lastRequestTime, @Nullable String userId, String worstState, int errorTurns,
        @Nullable String firstInput, @Nullable String lastOutput, long totalTokens, long totalDurationMs,
        @Nullable Integer rootCauseTurn, @Nullable String rootCauseKind, @Nullable String sessionJudges,
        int analysisVersion, SessionIndexEntity.@Nullable ImportState importState, boolean hasAnalysis,
        @Nullable String turnJudges, @Nullable String verdictSource, int annotationCount) {}
