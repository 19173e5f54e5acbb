package io.sessionlens.importer.web;

import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/imports: the body is one file (JSON in any container form, or a zip), or multipart with one or more
 * {@code file} parts. The body is streamed to the reader, never buffered whole.
 */
@RestController
class ImportController {
    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping("/api/imports")
    ResponseEntity<?> importFiles(HttpServletRequest request) throws IOException {
        List<ImportService.Upload> uploads = new ArrayList<>();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/")) {
            try {
                for (Part p : request.getParts()) {
                    if (p.getSubmittedFileName() == null && !"file".equals(p.getName())) continue;
                    String name = p.getSubmittedFileName() != null ? p.getSubmittedFileName() : p.getName();
                    uploads.add(new ImportService.Upload(name, p::getInputStream));
                }
            } catch (ServletException | IllegalStateException e) {
                return ResponseEntity.badRequest().body(Map.of("error", "could not read the multipart request: " + e.getMessage()));
            }
            if (uploads.isEmpty()) {
                return ResponseEntity.badRequest().body(Map.of("error", "the multipart request has no 'file' part"));
            }
        } else {
            String name = request.getHeader("X-File-Name") != null ? request.getHeader("X-File-Name") : "request body";
            var in = request.getInputStream();
            uploads.add(new ImportService.Upload(name, () -> in));
        }
        ImportReport report = imports.importFiles(uploads);
        if (report.nothingImportable()) {
            String why = report.firstError() != null ? report.firstError() : "no traces found in the request";
            return ResponseEntity.badRequest().body(new ErrorAnswer("nothing importable: " + why, report));
        }
        return ResponseEntity.ok(report);
    }

    /** 400 answer: the contract's {@code error}, plus the per-file report so automation sees every defect. */
    record ErrorAnswer(String error, ImportReport report) {}
}
