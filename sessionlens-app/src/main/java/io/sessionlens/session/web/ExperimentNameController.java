package io.sessionlens.session.web;

import io.sessionlens.session.SessionService;
import io.sessionlens.trace.ExperimentNames;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The experiments and their display names: GET /api/experiments, PUT /api/experiments/{id}/name. */
@RestController
class ExperimentNameController {
    private final ExperimentNames names;
    private final SessionService sessions;

    ExperimentNameController(ExperimentNames names, SessionService sessions) {
        this.names = names;
        this.sessions = sessions;
    }

    record Experiment(String experimentId, @Nullable String name) {}

    record NameBody(@Nullable String name) {}

    @GetMapping("/api/experiments")
    List<Experiment> experiments() {
        Map<String, String> named = names.all();
        var ids = new TreeSet<>(sessions.experiments());
        ids.addAll(named.keySet());
        return ids.stream().map(id -> new Experiment(id, named.get(id))).toList();
    }

    @PutMapping("/api/experiments/{experimentId}/name")
    ResponseEntity<?> rename(@PathVariable String experimentId, @RequestBody NameBody body) {
        if (body.name() != null && body.name().strip().length() > ExperimentNames.MAX_LENGTH) {
            return ResponseEntity.badRequest()
                    .body(Map.of("error", "a name has at most " + ExperimentNames.MAX_LENGTH + " characters"));
        }
        return ResponseEntity.ok(new Experiment(experimentId, names.rename(experimentId, body.name()).orElse(null)));
    }
}
