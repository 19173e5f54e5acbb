package io.sessionlens.session.web;

import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionRow;
import io.sessionlens.session.SessionService;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The session search and the session document (JSON API contract of issues #2 and #3). */
@RestController
class SessionController {
    static final int MAX_PAGE_SIZE = 500;
    static final MediaType MARKDOWN = new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);
    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    record SessionPage(long total, List<SessionRow> items) {}

    @GetMapping("/api/sessions")
    ResponseEntity<?> search(@RequestParam(required = false) String experimentId, @RequestParam(required = false) String user,
            @RequestParam(required = false) String q, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Instant f, t;
        try {
            f = time(from);
            t = time(to);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "from/to must be ISO-8601 instants such as 2025-10-22T04:14:54Z: " + e.getParsedString()));
        }
        var filter = new SessionFilter(experimentId, user, q, f, t, state, false, false, null, null);
        var pageable = PageRequest.of(Math.max(0, page), Math.clamp(size, 1, MAX_PAGE_SIZE));
        Page<SessionRow> result = sessions.search(filter, pageable);
        return ResponseEntity.ok(new SessionPage(result.getTotalElements(), result.getContent()));
    }

    @GetMapping("/api/sessions/{sessionId}")
    ResponseEntity<?> session(@PathVariable String sessionId, @RequestParam(required = false) String experimentId) {
        return sessions.session(sessionId, experimentId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no session " + sessionId
                        + (experimentId == null ? "" : " in experiment " + experimentId))));
    }

    /** Answers Markdown whatever the client's Accept header says: the file name promises it. */
    @GetMapping("/api/sessions/{sessionId}/transcript.md")
    ResponseEntity<String> transcript(@PathVariable String sessionId, @RequestParam(required = false) String experimentId) {
        return sessions.transcriptMarkdown(sessionId, experimentId)
                .map(md -> ResponseEntity.ok().contentType(MARKDOWN).header("Content-Disposition", "inline; filename=\"" + safeName(sessionId) + ".md\"").body(md))
                .orElseGet(() -> ResponseEntity.status(404).contentType(MARKDOWN).body("# Not found\n\nNo session " + sessionId + "\n"));
    }

    private static String safeName(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static @Nullable Instant time(@Nullable String s) {
        return s == null || s.isBlank() ? null : Instant.parse(s);
    }

}
