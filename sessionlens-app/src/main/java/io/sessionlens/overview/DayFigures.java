package io.sessionlens.overview;

import java.time.LocalDate;
import java.util.Map;

/** One day of the charts: sessions that started on it, their root causes, failing judges, tokens and turn latency. */
public record DayFigures(LocalDate day, long sessions, long withRootCause, Map<String, Long> byKind,
        Map<String, Long> judgesFailing, long errorTurns, long tokens, Figures.Latency latency) {}
