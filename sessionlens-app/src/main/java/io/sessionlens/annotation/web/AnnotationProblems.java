package io.sessionlens.annotation.web;

import io.sessionlens.annotation.Annotation;
import io.sessionlens.annotation.AnnotationProblem;
import io.sessionlens.annotation.LabelSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused annotation or label schema request as JSON {@code {error}}: 400 invalid, 403 not allowed, 409 stale with
 * {@code current}, what stands now.
 */
@RestControllerAdvice(assignableTypes = {AnnotationController.class, LabelSchemaController.class})
class AnnotationProblems {
    @ExceptionHandler(AnnotationProblem.class)
    ResponseEntity<Map<String, Object>> refused(AnnotationProblem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", String.valueOf(p.getMessage()));
        return switch (p) {
            case AnnotationProblem.Invalid i -> ResponseEntity.badRequest().body(body);
            case AnnotationProblem.NotAllowed n -> ResponseEntity.status(403).body(body);
            case AnnotationProblem.Stale s -> {
                body.put("error", s.getMessage() + "; read it and change it again");
                body.put("current", switch (s.current()) {
                    case Annotation a -> AnnotationJson.of(a);
                    case LabelSchema l -> AnnotationJson.of(l);
                    default -> s.current();
                });
                yield ResponseEntity.status(409).body(body);
            }
            default -> ResponseEntity.badRequest().body(body);
        };
    }

    /** Two writes of one annotation at the same instant: the second is told to read again. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Map<String, Object>> raced(OptimisticLockingFailureException e) {
        return ResponseEntity.status(409)
                .body(Map.of("error",
                        "it was changed by someone else at the same moment; read it and change it again"));
    }
}
