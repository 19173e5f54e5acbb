package io.sessionlens.session.web;

import io.sessionlens.session.SessionCleanup;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.TraceService;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DELETE /api/sessions/{sessionId}?experimentId=: the session's traces go, and it leaves the list. */
@RestController
class SessionCleanupController {
    private final SessionCleanup cleanup;
    private final TraceService traces;

    SessionCleanupController(SessionCleanup cleanup, TraceService traces) {
        this.cleanup = cleanup;
        this.traces = traces;
    }

    @DeleteMapping("/api/sessions/{sessionId}")
    ResponseEntity<?> delete(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId) {
        String exp = experimentId;
        if (exp == null || exp.isBlank()) {
            // Without the experiment a session id may name several sessions: only an unambiguous one is deleted.
            List<String> experiments = traces.experimentsOfSession(sessionId);
            if (experiments.size() > 1) {
                return ResponseEntity.badRequest().body(Map.of("error", "session " + sessionId
                        + " exists in experiments " + String.join(", ", experiments)
                        + ": say which with ?experimentId="));
            }
            exp = experiments.isEmpty() ? "" : experiments.getFirst();
        }
        String experiment = exp;
        return cleanup.delete(new SessionRef(experiment, sessionId))
                .<ResponseEntity<?>>map(d -> ResponseEntity.ok(Map.of("experimentId", experiment, "sessionId",
                        sessionId, "deletedTraces", d.traces())))
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no session " + sessionId
                        + (experimentId == null ? "" : " in experiment " + experimentId))));
    }
}
