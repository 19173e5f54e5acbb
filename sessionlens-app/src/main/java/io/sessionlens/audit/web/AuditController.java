package io.sessionlens.audit.web;

import io.sessionlens.audit.AuditEntry;
import io.sessionlens.audit.AuditLog;
import io.sessionlens.trace.json.SharedJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/audit?user=&kind=&page=0&size=50}: the audit log, newest first (managers and admins). */
@RestController
class AuditController {
    static final int MAX_SIZE = 1000;
    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** An entry with {@code before}/{@code after} as JSON values, not strings. */
    record Item(long id, Instant at, String actor, String kind, String subject, String summary,
            @Nullable JsonNode before, @Nullable JsonNode after) {
        static Item of(AuditEntry e) {
            return new Item(e.id(), e.at(), e.actor(), e.kind(), e.subject(), e.summary(), json(e.before()),
                    json(e.after()));
        }

        private static @Nullable JsonNode json(@Nullable String s) {
            return s == null ? null : SharedJson.MAPPER.readTree(s);
        }
    }

    record Page(long total, List<Item> items) {}

    @GetMapping("/api/audit")
    ResponseEntity<?> list(@RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE)
            return ResponseEntity.badRequest()
                    .body(Map.of("error", "page must be 0 or more and size between 1 and " + MAX_SIZE));
        var p = audit.search(user, kind, page, size);
        return ResponseEntity.ok(new Page(p.getTotalElements(), p.getContent().stream().map(Item::of).toList()));
    }
}
