package io.sessionlens.importer.web;

import io.sessionlens.importer.ImportLimits;
import io.sessionlens.importer.ImportReport;
import io.sessionlens.importer.ImportService;
import io.sessionlens.importer.read.CountingInput;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/imports: the body is one file (JSON in any container form, or a zip), or multipart with one or more
 * {@code file} parts. The body is streamed to the reader, never buffered whole. Only the content types below are
 * taken: a cross-site form can send {@code text/plain} without asking the browser's permission, never these (with
 * {@code SameOriginGuard} checking {@code Origin}, no other site can import). Limits: {@link ImportLimits}.
 */
@RestController
class ImportController {
    /** JSON (and JSON Lines), zip and gzip, as a body of their own or as multipart parts. */
    static final Set<String> ACCEPTED = Set.of("application/json", "application/x-ndjson", "application/jsonl",
            "application/zip", "application/x-zip-compressed", "application/gzip", "multipart/form-data");

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping("/api/imports")
    ResponseEntity<?> importFiles(HttpServletRequest request) throws IOException {
        ImportLimits limits = imports.limits();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].trim();
        if (!ACCEPTED.contains(mediaType)) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .body(Map.of("error", "content type '" + mediaType
                            + "' is not accepted: send application/json, application/zip or multipart/form-data"));
        }
        String bodyName = request.getHeader("X-File-Name") != null ? request.getHeader("X-File-Name") : "request body";
        long declared = request.getContentLengthLong();
        if (declared > limits.maxRequestSize().toBytes()) {
            return tooLarge(bodyName, limits);
        }
        List<ImportService.Upload> uploads = new ArrayList<>();
        if (mediaType.equals("multipart/form-data")) {
            try {
                for (Part p : request.getParts()) {
                    if (p.getSubmittedFileName() == null && !"file".equals(p.getName())) continue;
                    String name = p.getSubmittedFileName() != null ? p.getSubmittedFileName() : p.getName();
                    uploads.add(new ImportService.Upload(name, p::getInputStream));
                }
            } catch (ServletException | IllegalStateException e) {
                return ResponseEntity.badRequest()
                        .body(Map.of("error", "could not read the multipart request: " + e.getMessage()));
            }
            if (uploads.isEmpty()) {
                return ResponseEntity.badRequest().body(Map.of("error", "the multipart request has no 'file' part"));
            }
            if (uploads.size() > limits.maxFiles()) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Map.of("error", uploads.size()
                        + " files in one request, from " + uploads.getFirst().name() + " to " + uploads.getLast().name()
                        + "; at most " + limits.maxFiles()
                        + " are taken (sessionlens.import.max-files): nothing was imported"));
            }
        } else {
            // A body sent without a length (chunked) is counted as it is read: past the limit, reading stops with a message.
            var in = new LimitedInput(request.getInputStream(), limits.maxRequestSize().toBytes(), bodyName);
            uploads.add(new ImportService.Upload(bodyName, () -> in));
        }
        ImportReport report = imports.importFiles(uploads);
        if (report.nothingImportable()) {
            String why = report.firstError() != null ? report.firstError() : "no traces found in the request";
            return ResponseEntity.badRequest().body(new ErrorAnswer("nothing importable: " + why, report));
        }
        return ResponseEntity.ok(report);
    }

    static ResponseEntity<Map<String, String>> tooLarge(String what, ImportLimits limits) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Map.of("error", what + " is larger than "
                + ImportLimits.describe(limits.maxRequestSize())
                + " (sessionlens.import.max-request-size): nothing was imported"));
    }

    /** 400 answer: the contract's {@code error}, plus the per-file report so automation sees every defect. */
    record ErrorAnswer(String error, ImportReport report) {}

    /**
     * A request body that ends in an IOException naming the limit once it passes it. Closing it reads what the reader
     * left (it stops at a defect that ends the file) instead of closing the container's stream: a client still sending
     * when the answer comes would otherwise see a broken connection instead of the message. The limit bounds that too.
     */
    private static final class LimitedInput extends CountingInput {
        private final long max;
        private final String name;
        private long read;

        LimitedInput(InputStream in, long max, String name) {
            super(in);
            this.max = max;
            this.name = name;
        }

        @Override
        public void close() {
            try {
                transferTo(OutputStream.nullOutputStream());
            } catch (IOException clientGoneOrTooLarge) {
                // the answer says what was imported; nothing more to tell a client that left
            }
        }

        @Override
        protected void counted(int n) throws IOException {
            read += n;
            if (read > max)
                throw new IOException(
                        name + " is larger than %,d bytes (sessionlens.import.max-request-size)".formatted(max));
        }
    }
}
