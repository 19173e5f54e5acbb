package io.sessionlens.overview;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The quality overview of one experiment (or all: null) over a period, against the period of equal length before it;
 * the days for the charts, and the newest disagreements between reviewers and the automatic verdicts.
 */
public record Overview(@Nullable String experimentId, Figures current, Figures previous, List<DayFigures> days,
        List<Disagreement> disagreements) {}
