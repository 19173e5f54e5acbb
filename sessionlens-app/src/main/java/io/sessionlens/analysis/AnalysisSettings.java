package io.sessionlens.analysis;

import java.util.List;

/**
 * What an analyst configured for the session's experiment.
 *
 * @param mappings tried in order; the first whose span exists in a turn decides where that turn's text is read
 * @param polarity which assessment values count as failing
 */
public record AnalysisSettings(List<TurnMapping> mappings, PolarityTable polarity) {
    public AnalysisSettings {
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        polarity = polarity == null ? PolarityTable.builtIn() : polarity;
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(List.of(), PolarityTable.builtIn());
    }
}
