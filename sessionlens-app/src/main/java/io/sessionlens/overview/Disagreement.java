package io.sessionlens.overview;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A session where the reviewer's verdict differs from the automatic one at the time ({@code rootCauseDiffers}) or from
 * one of its session-level judges ({@code judges}: the judges the reviewer disagreed with).
 */
public record Disagreement(String experimentId, String sessionId, Instant started, String reviewer, Instant decidedAt,
        @Nullable Integer turn, @Nullable String kind, @Nullable Integer autoTurn, @Nullable String autoKind,
        boolean rootCauseDiffers, List<String> judges) {}
