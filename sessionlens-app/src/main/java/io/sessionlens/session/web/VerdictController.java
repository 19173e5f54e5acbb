package io.sessionlens.session.web;

import io.sessionlens.session.SessionReader;
import io.sessionlens.session.SessionService;
import io.sessionlens.session.VerdictService;
import io.sessionlens.trace.SessionRef;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * PUT/DELETE /api/sessions/{sessionId}/verdict?experimentId=: an analyst's verdict on the root cause (issue #12).
 * {@code {turn, kind, note, version}}: {@code turn: null} says "no root cause"; {@code version} (optional) is the
 * verdict version the client saw, and a different one answers 409 with the verdict that stands. The answer is the
 * session document's {@code rootCause}. DELETE returns to the automatic verdict.
 */
@RestController
class VerdictController {
    private final VerdictService verdicts;
    private final SessionService sessions;
    private final SessionReader reader;

    VerdictController(VerdictService verdicts, SessionService sessions, SessionReader reader) {
        this.verdicts = verdicts;
        this.sessions = sessions;
        this.reader = reader;
    }

    record VerdictBody(@Nullable Integer turn, @Nullable String kind, @Nullable String note, @Nullable Long version) {}

    @PutMapping("/api/sessions/{sessionId}/verdict")
    ResponseEntity<?> decide(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId,
            @RequestBody VerdictBody body, @Nullable Principal who) {
        Optional<SessionRef> ref = sessions.resolve(sessionId, experimentId);
        if (ref.isEmpty()) return notFound(sessionId, experimentId);
        try {
            if (VerdictService.retryingRowConflicts(() -> verdicts.decide(ref.get(), body.turn(), body.kind(),
                    body.note(), reviewer(who), body.version())).isEmpty())
                return notFound(sessionId, experimentId);
        } catch (VerdictService.InvalidVerdict e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        } catch (VerdictService.StaleVerdict e) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", e.getMessage() + "; read it and decide again");
            answer.put("current", e.current());
            return ResponseEntity.status(409).body(answer);
        }
        return rootCause(ref.get());
    }

    @DeleteMapping("/api/sessions/{sessionId}/verdict")
    ResponseEntity<?> withdraw(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId) {
        Optional<SessionRef> ref = sessions.resolve(sessionId, experimentId);
        if (ref.isEmpty()) return notFound(sessionId, experimentId);
        VerdictService.retryingRowConflicts(() -> verdicts.withdraw(ref.get()));
        return rootCause(ref.get());
    }

    private ResponseEntity<?> rootCause(SessionRef ref) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rootCause", reader.open(ref).map(d -> d.rootCauseJson()).orElse(null));
        return ResponseEntity.ok(answer);
    }

    private static String reviewer(@Nullable Principal who) {
        return who == null ? "anonymous" : who.getName();
    }

    private static ResponseEntity<?> notFound(String sessionId, @Nullable String experimentId) {
        return ResponseEntity.status(404).body(Map.of("error",
                "no session " + sessionId + (experimentId == null ? "" : " in experiment " + experimentId)));
    }
}
