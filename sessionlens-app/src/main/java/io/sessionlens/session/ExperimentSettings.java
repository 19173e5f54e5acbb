package io.sessionlens.session;

import io.sessionlens.analysis.TurnMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** An experiment's analyst overrides: how to read a turn, and which values of a judge are failures. */
public record ExperimentSettings(String experimentId, List<TurnMapping> mappings,
        Map<String, Set<String>> failingValues) {
    public static ExperimentSettings none(String experimentId) {
        return new ExperimentSettings(experimentId, List.of(), Map.of());
    }

    /** The mapping goes first, so it wins; an earlier mapping for the same span is replaced. */
    public ExperimentSettings withMapping(TurnMapping mapping) {
        List<TurnMapping> next = new ArrayList<>(mappings);
        next.removeIf(m -> m.spanName().equals(mapping.spanName()));
        next.addFirst(mapping);
        return new ExperimentSettings(experimentId, next, failingValues);
    }

    /** Sets the failing values of the given judges; an empty set puts a judge back on the built-in rule. */
    public ExperimentSettings withFailingValues(Map<String, Set<String>> byJudge) {
        Map<String, Set<String>> next = new TreeMap<>(failingValues);
        byJudge.forEach((judge, values) -> {
            if (values.isEmpty()) next.remove(judge);
            else
                next.put(judge, values);
        });
        return new ExperimentSettings(experimentId, mappings, next);
    }
}
