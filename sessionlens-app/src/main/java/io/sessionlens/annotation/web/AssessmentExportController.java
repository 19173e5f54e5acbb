package io.sessionlens.annotation.web;

import io.sessionlens.annotation.AssessmentExport;
import io.sessionlens.session.SessionService;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.json.SharedJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;

/**
 * The human assessments as MLflow JSON (decision record 028): {@code GET /api/sessions/{sessionId}/assessments.json
 * ?experimentId=} (one session) and {@code GET /api/export/assessments?experimentId=} (every session of the experiment
 * with a labelled annotation or a reviewer's verdict). Both answer a JSON array of whole traces with the human
 * assessments in {@code info.assessments}, as a download; {@code POST /api/imports} takes the file back.
 */
@RestController
class AssessmentExportController {
    private final AssessmentExport export;
    private final SessionService sessions;

    AssessmentExportController(AssessmentExport export, SessionService sessions) {
        this.export = export;
        this.sessions = sessions;
    }

    @GetMapping("/api/sessions/{sessionId}/assessments.json")
    ResponseEntity<?> session(@PathVariable String sessionId,
            @RequestParam(required = false) @Nullable String experimentId, HttpServletResponse response)
            throws IOException {
        Optional<SessionRef> ref = sessions.resolve(sessionId, experimentId);
        var traces = ref.flatMap(export::session);
        if (traces.isEmpty()) return AnnotationController.noSession(sessionId, experimentId);
        start(response, "assessments-" + sessionId + ".json");
        try (JsonGenerator gen = SharedJson.MAPPER.createGenerator(response.getOutputStream())) {
            gen.writeStartArray();
            AssessmentExport.writeArray(traces.get(), gen);
            gen.writeEndArray();
        }
        return null;
    }

    @GetMapping("/api/export/assessments")
    ResponseEntity<?> experiment(@RequestParam(required = false) @Nullable String experimentId,
            HttpServletResponse response) throws IOException {
        if (experimentId == null || experimentId.isBlank())
            return ResponseEntity.badRequest().body(java.util.Map.of("error",
                    "say which experiment: /api/export/assessments?experimentId=…"));
        start(response, "assessments-" + experimentId + ".json");
        try (JsonGenerator gen = SharedJson.MAPPER.createGenerator(response.getOutputStream())) {
            gen.writeStartArray();
            export.forEachSession(experimentId, traces -> AssessmentExport.writeArray(traces, gen));
            gen.writeEndArray();
        }
        return null;
    }

    private static void start(HttpServletResponse response, String fileName) {
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName.replaceAll("[^A-Za-z0-9._-]", "_"), StandardCharsets.UTF_8).build().toString());
    }
}
