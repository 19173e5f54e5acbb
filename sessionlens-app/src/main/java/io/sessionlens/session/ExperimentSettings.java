package io.sessionlens.session;

import io.sessionlens.analysis.TurnMapping;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An experiment's analyst overrides: how to read a turn, and which values of a judge are failures. */
public record ExperimentSettings(String experimentId, List<TurnMapping> mappings, Map<String, Set<String>> failingValues) {
    public static ExperimentSettings none(String experimentId) {
        return new ExperimentSettings(experimentId, List.of(), Map.of());
    }
}
