package io.sessionlens.annotation.web;

import io.sessionlens.annotation.AnnotationDraft;
import io.sessionlens.annotation.AnnotationService;
import io.sessionlens.session.SessionService;
import io.sessionlens.trace.SessionRef;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annotations (issue #12, decision record 027).
 * <ul>
 * <li>{@code GET /api/sessions/{sessionId}/annotations?experimentId=}: the session's, oldest first.</li>
 * <li>{@code POST} the same path (analyst+): {@code {target, turn, traceId, spanId, label, value, note}} → 201.</li>
 * <li>{@code GET|PUT|DELETE /api/annotations/{id}}: PUT {@code {label, value, note, version}}, DELETE
 * {@code ?version=}; the author or a manager; another version than the one standing answers 409 with {@code current}.</li>
 * <li>{@code GET /api/annotations/{id}/history}: the versions edits replaced, newest first.</li>
 * </ul>
 */
@RestController
class AnnotationController {
    private final AnnotationService annotations;
    private final SessionService sessions;

    AnnotationController(AnnotationService annotations, SessionService sessions) {
        this.annotations = annotations;
        this.sessions = sessions;
    }

    record Body(@Nullable String target, @Nullable Integer turn, @Nullable String traceId, @Nullable String spanId,
            @Nullable String label, @Nullable Object value, @Nullable String note, @Nullable Long version) {
        AnnotationDraft draft() {
            return new AnnotationDraft(target, turn, traceId, spanId, label, AnnotationJson.text(value), note);
        }
    }

    @GetMapping("/api/sessions/{sessionId}/annotations")
    ResponseEntity<?> list(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId) {
        Optional<SessionRef> ref = sessions.resolve(sessionId, experimentId);
        if (ref.isEmpty()) return noSession(sessionId, experimentId);
        return ResponseEntity.ok(Map.of("experimentId", ref.get().experimentId(), "sessionId", sessionId,
                "annotations", annotations.listBySession(ref.get()).stream().map(AnnotationJson::of).toList()));
    }

    @PostMapping("/api/sessions/{sessionId}/annotations")
    ResponseEntity<?> create(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId, @RequestBody Body body) {
        Optional<SessionRef> ref = sessions.resolve(sessionId, experimentId);
        if (ref.isEmpty()) return noSession(sessionId, experimentId);
        return annotations.create(ref.get(), body.draft())
                .<ResponseEntity<?>>map(a -> ResponseEntity.status(201).body(AnnotationJson.of(a)))
                .orElseGet(() -> noSession(sessionId, experimentId));
    }

    @GetMapping("/api/annotations/{id}")
    ResponseEntity<?> one(@PathVariable long id) {
        return annotations.find(id).<ResponseEntity<?>>map(a -> ResponseEntity.ok(AnnotationJson.of(a)))
                .orElseGet(() -> noAnnotation(id));
    }

    @PutMapping("/api/annotations/{id}")
    ResponseEntity<?> update(@PathVariable long id, @RequestBody Body body) {
        return annotations.update(id, body.draft(), body.version())
                .<ResponseEntity<?>>map(a -> ResponseEntity.ok(AnnotationJson.of(a)))
                .orElseGet(() -> noAnnotation(id));
    }

    @DeleteMapping("/api/annotations/{id}")
    ResponseEntity<?> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
        return annotations.delete(id, version) ? ResponseEntity.noContent().build() : noAnnotation(id);
    }

    @GetMapping("/api/annotations/{id}/history")
    ResponseEntity<?> history(@PathVariable long id) {
        if (annotations.find(id).isEmpty()) return noAnnotation(id);
        return ResponseEntity.ok(Map.of("id", id,
                "versions", annotations.history(id).stream().map(AnnotationJson::of).toList()));
    }

    static ResponseEntity<?> noSession(String sessionId, @Nullable String experimentId) {
        return ResponseEntity.status(404).body(Map.of("error",
                "no session " + sessionId + (experimentId == null ? "" : " in experiment " + experimentId)));
    }

    private static ResponseEntity<?> noAnnotation(long id) {
        return ResponseEntity.status(404).body(Map.of("error", "no annotation " + id));
    }
}
