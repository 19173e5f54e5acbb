package io.sessionlens.importer.web;

import io.sessionlens.importer.ImportService;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Spring parses a multipart request before any controller runs, so its failures (over {@code
 * spring.servlet.multipart.max-request-size}, which is {@code sessionlens.import.max-request-size}) reach no controller's
 * handler: here they get a JSON message instead of an empty 413.
 */
@RestControllerAdvice
class MultipartLimits {
    private final ImportService imports;

    MultipartLimits(ImportService imports) {
        this.imports = imports;
    }

    /** Spring's own multipart limits (the same property): a message instead of an empty 413. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> multipartTooLarge() {
        return ImportController.tooLarge("the multipart request", imports.limits());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, String>> multipartBroken(MultipartException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "could not read the multipart request: "
                + (e.getMostSpecificCause().getMessage() == null
                        ? "malformed"
                        : e.getMostSpecificCause().getMessage())));
    }

}
