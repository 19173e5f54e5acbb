package io.sessionlens.session.web;

import io.sessionlens.session.SessionFilter;
import io.sessionlens.session.SessionReader;
import io.sessionlens.session.SessionRow;
import io.sessionlens.session.SessionService;
import io.sessionlens.trace.SessionRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
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
    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private final SessionService sessions;
    private final SessionReader reader;

    SessionController(SessionService sessions, SessionReader reader) {
        this.sessions = sessions;
        this.reader = reader;
    }

    record SessionPage(long total, List<SessionRow> items) {}

    @GetMapping("/api/sessions")
    ResponseEntity<?> search(@RequestParam(required = false) @Nullable String experimentId,
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Instant f, t;
        try {
            f = time(from);
            t = time(to);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("error",
                    "from/to must be ISO-8601 instants such as 2025-10-22T04:14:54Z: " + e.getParsedString()));
        }
        var filter = new SessionFilter(experimentId, user, q, f, t, state, false, false, null, null);
        Page<SessionRow> result = sessions.search(filter, List.of(), Math.max(0, page),
                Math.clamp(size, 1, MAX_PAGE_SIZE));
        return ResponseEntity.ok(new SessionPage(result.getTotalElements(), result.getContent()));
    }

    @GetMapping("/api/sessions/{sessionId}")
    ResponseEntity<?> session(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId) {
        return ref(sessionId, experimentId).flatMap(reader::open).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no session " + sessionId
                        + (experimentId == null ? "" : " in experiment " + experimentId))));
    }

    /** Answers Markdown whatever the client's Accept header says: the file name promises it. */
    @GetMapping("/api/sessions/{sessionId}/transcript.md")
    ResponseEntity<String> transcript(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId) {
        return ref(sessionId, experimentId).flatMap(reader::transcriptMarkdown)
                .map(md -> ResponseEntity.ok().contentType(MARKDOWN)
                        .header("Content-Disposition", "inline; filename=\"" + safeName(sessionId) + ".md\"").body(md))
                .orElseGet(() -> ResponseEntity.status(404).contentType(MARKDOWN)
                        .body("# Not found\n\nNo session " + sessionId + "\n"));
    }

    /** Without an experiment id, the most recent session of that id. */
    private Optional<SessionRef> ref(String sessionId, @Nullable String experimentId) {
        return experimentId == null || experimentId.isBlank()
                ? sessions.latest(sessionId)
                : Optional.of(new SessionRef(experimentId, sessionId));
    }

    private static String safeName(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static @Nullable Instant time(@Nullable String s) {
        return s == null || s.isBlank() ? null : Instant.parse(s);
    }

}
