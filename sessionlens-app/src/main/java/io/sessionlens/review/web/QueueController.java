package io.sessionlens.review.web;

import io.sessionlens.base.security.CurrentUser;
import io.sessionlens.review.Claim;
import io.sessionlens.review.QueueService;
import io.sessionlens.review.ReviewItem;
import io.sessionlens.review.ReviewProblem;
import io.sessionlens.review.ReviewQueue;
import io.sessionlens.session.VerdictService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Review queues over JSON (issue #12; README's API table). Making, closing and deleting a queue and adjudicating are
 * for managers ({@code SecurityConfig}); the reviewer's calls need the caller to be one of the queue's reviewers.
 */
@RestController
class QueueController {
    private final QueueService queues;

    QueueController(QueueService queues) {
        this.queues = queues;
    }

    record NewQueueBody(@Nullable String name, @Nullable JsonNode filter, @Nullable List<String> labelSchemas,
            @Nullable List<String> reviewers, @Nullable Integer reviewersPerSession) {}

    record AnswerBody(@Nullable Integer turn, @Nullable String kind, @Nullable String note,
            @Nullable Map<String, String> labels) {
        QueueService.Answer toAnswer() {
            return new QueueService.Answer(turn, kind, note, labels == null ? Map.of() : labels);
        }
    }

    @PostMapping("/api/queues")
    ResponseEntity<ReviewQueue> create(@RequestBody NewQueueBody body) {
        Map<String, String> filter = new LinkedHashMap<>();
        JsonNode f = body.filter();
        if (f != null && f.isString()) filter.putAll(QueueService.parseQueryString(f.asString()));
        else if (f != null && f.isObject())
            for (var e : f.properties())
                filter.put(e.getKey(), e.getValue().isValueNode()
                        ? e.getValue().asString()
                        : e.getValue().toString());
        else if (f != null && !f.isNull())
            throw new BadRequest("filter is the Sessions page's parameters, as an object ({\"experiment\": \"…\"})"
                    + " or a query string");
        var made = queues.create(new QueueService.NewQueue(body.name(), filter,
                body.labelSchemas() == null ? List.of() : body.labelSchemas(),
                body.reviewers() == null ? List.of() : body.reviewers(),
                body.reviewersPerSession() == null ? 1 : body.reviewersPerSession()), CurrentUser.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(made);
    }

    @GetMapping("/api/queues")
    Map<String, Object> list() {
        return Map.of("queues", queues.list());
    }

    @GetMapping("/api/queues/{id}")
    Map<String, Object> get(@PathVariable long id) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queue", queues.get(id));
        out.put("agreement", queues.agreement(id));
        out.put("disagreements", queues.disagreements(id));
        return out;
    }

    @GetMapping("/api/queues/{id}/items")
    Map<String, Object> items(@PathVariable long id) {
        return Map.of("items", queues.items(id));
    }

    @PostMapping("/api/queues/{id}/next")
    ResponseEntity<Claim> next(@PathVariable long id) {
        Optional<Claim> c = queues.next(id, CurrentUser.actor());
        return c.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/api/queues/{id}/items/{itemId}/answer")
    ReviewItem answer(@PathVariable long id, @PathVariable long itemId, @RequestBody AnswerBody body) {
        return VerdictService.retryingRowConflicts(
                () -> queues.answer(id, itemId, CurrentUser.actor(), body.toAnswer()));
    }

    @PostMapping("/api/queues/{id}/items/{itemId}/skip")
    ResponseEntity<Void> skip(@PathVariable long id, @PathVariable long itemId) {
        queues.skip(id, itemId, CurrentUser.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/queues/{id}/items/{itemId}/release")
    ResponseEntity<Void> release(@PathVariable long id, @PathVariable long itemId) {
        queues.release(id, itemId, CurrentUser.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/queues/{id}/items/{itemId}/adjudicate")
    ReviewItem adjudicate(@PathVariable long id, @PathVariable long itemId, @RequestBody AnswerBody body) {
        return VerdictService.retryingRowConflicts(
                () -> queues.adjudicate(id, itemId, CurrentUser.actor(), body.toAnswer()));
    }

    @PostMapping("/api/queues/{id}/close")
    ReviewQueue close(@PathVariable long id) {
        return queues.close(id);
    }

    @DeleteMapping("/api/queues/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        queues.delete(id);
        return ResponseEntity.noContent().build();
    }

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Map<String, String>> bad(BadRequest e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    @ExceptionHandler(ReviewProblem.class)
    ResponseEntity<Map<String, String>> refused(ReviewProblem p) {
        HttpStatus status = switch (p.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(Map.of("error", String.valueOf(p.getMessage())));
    }
}
