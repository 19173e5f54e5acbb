package io.sessionlens.session.web;

import io.sessionlens.analysis.TurnMapping;
import io.sessionlens.session.ExperimentSettings;
import io.sessionlens.session.ExperimentSettingsService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An experiment's analyst overrides: how a turn is read (span + input key + output key) and which values of a judge
 * are failures. Saving re-analyses every session of the experiment.
 */
@RestController
class ExperimentSettingsController {
    private final ExperimentSettingsService settings;

    ExperimentSettingsController(ExperimentSettingsService settings) {
        this.settings = settings;
    }

    record SettingsBody(@Nullable List<TurnMapping> mappings, @Nullable Map<String, Set<String>> failingValues) {}

    record Saved(int reanalysedSessions, ExperimentSettings settings) {}

    @GetMapping("/api/experiments/{experimentId}/settings")
    ExperimentSettings get(@PathVariable String experimentId) {
        return settings.get(experimentId);
    }

    @PutMapping("/api/experiments/{experimentId}/settings")
    ResponseEntity<?> put(@PathVariable String experimentId, @RequestBody SettingsBody body) {
        List<TurnMapping> mappings = body.mappings() == null ? List.of() : body.mappings();
        if (mappings.stream().anyMatch(m -> m.spanName() == null || m.spanName().isBlank())) {
            return ResponseEntity.badRequest().body(
                    Map.of("error", "every mapping needs a spanName (a span name or a /-path of names from the root)"));
        }
        var saved = new ExperimentSettings(experimentId, mappings.stream()
                .map(m -> new TurnMapping(m.spanName(), m.inputKey() == null ? "" : m.inputKey(),
                        m.outputKey() == null ? "" : m.outputKey()))
                .toList(), body.failingValues() == null ? Map.of() : body.failingValues());
        int n = settings.save(saved);
        return ResponseEntity.ok(new Saved(n, settings.get(experimentId)));
    }
}
