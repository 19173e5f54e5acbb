package io.sessionlens.session.web;

import io.sessionlens.session.SessionQuery;
import io.sessionlens.session.SessionReader;
import io.sessionlens.session.SessionRow;
import io.sessionlens.session.SessionService;
import io.sessionlens.session.SessionSummary;
import io.sessionlens.trace.json.SharedJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session search, its export and the session document (JSON API contract of issues #2, #3 and #11). The search and
 * the export read the same parameters as the sessions page ({@link SessionQuery}); one it cannot read is a 400 naming
 * it, never an empty list.
 */
@RestController
class SessionController {
    static final int MAX_PAGE_SIZE = 500;
    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private final SessionService sessions;
    private final SessionReader reader;

    SessionController(SessionService sessions, SessionReader reader) {
        this.sessions = sessions;
        this.reader = reader;
    }

    /** {@code nextCursor}: ask for {@code cursor=} it to get the page after this one; null after the last page. */
    record SessionPage(long total, SessionSummary summary, List<SessionRow> items, @Nullable String nextCursor) {}

    @GetMapping("/api/sessions")
    ResponseEntity<?> search(HttpServletRequest request, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) @Nullable String cursor) {
        SessionQuery.Parsed parsed = SessionQuery.parse(parameters(request));
        if (!parsed.problems().isEmpty()) return badRequest(parsed.message());
        SessionQuery query = parsed.query();
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        SessionService.RowSlice rows;
        try {
            rows = cursor == null || cursor.isBlank()
                    ? sessions.slice(query.filter(), query.sort(), null,
                            (int) Math.min(Integer.MAX_VALUE / 2, (long) Math.max(0, page) * pageSize), pageSize)
                    : sessions.slice(query.filter(), query.sort(), cursor, 0, pageSize);
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        SessionSummary summary = sessions.summary(query.filter());
        long total = summary.matching(query.filter().verdict(), query.filter().rootCauseKind());
        return ResponseEntity.ok(new SessionPage(total, summary, rows.rows(), rows.next()));
    }

    /** Every session the filters keep, in the list's order, as CSV or JSON (a download). */
    @GetMapping("/api/export/sessions")
    void export(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(defaultValue = "csv") String format) throws IOException {
        SessionQuery.Parsed parsed = SessionQuery.parse(parameters(request));
        String problem = parsed.problems().isEmpty() ? null : parsed.message();
        if (!format.equals("csv") && !format.equals("json"))
            problem = "format: '" + format + "' is neither csv nor json";
        if (problem != null) {
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            SharedJson.MAPPER.writeValue(response.getOutputStream(), Map.of("error", problem));
            return;
        }
        SessionQuery query = parsed.query();
        SessionExport.Rows rows = each -> sessions.forEachMatching(query, each);
        response.setHeader("Content-Disposition", "attachment; filename=\"sessions." + format + "\"");
        if (format.equals("csv")) {
            response.setContentType(CSV.toString());
            SessionExport.csv(rows, response.getOutputStream());
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            SessionExport.json(rows, SharedJson.MAPPER, response.getOutputStream());
        }
    }

    @GetMapping("/api/sessions/{sessionId}")
    ResponseEntity<?> session(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId) {
        return sessions.resolve(sessionId, experimentId).flatMap(reader::open)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no session " + sessionId
                        + (experimentId == null ? "" : " in experiment " + experimentId))));
    }

    /** Answers Markdown whatever the client's Accept header says: the file name promises it. */
    @GetMapping("/api/sessions/{sessionId}/transcript.md")
    ResponseEntity<String> transcript(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId) {
        return sessions.resolve(sessionId, experimentId).flatMap(reader::transcriptMarkdown)
                .map(md -> ResponseEntity.ok().contentType(MARKDOWN)
                        .header("Content-Disposition", "inline; filename=\"" + safeName(sessionId) + ".md\"").body(md))
                .orElseGet(() -> ResponseEntity.status(404).contentType(MARKDOWN)
                        .body("# Not found\n\nNo session " + sessionId + "\n"));
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        return request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.asList(e.getValue())));
    }

    private static ResponseEntity<?> badRequest(String message) {
        return ResponseEntity.badRequest().body(Map.of("error", message));
    }

    private static String safeName(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
