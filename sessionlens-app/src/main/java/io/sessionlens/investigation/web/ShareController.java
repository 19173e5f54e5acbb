package io.sessionlens.investigation.web;

import io.sessionlens.investigation.InvestigationReport;
import io.sessionlens.investigation.InvestigationService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * /share/{token}: the read-only investigation for someone without an account (decision record 038). A plain
 * server-rendered page — no app shell, no script, no link into the app — and the only page open without a login. An
 * unknown or revoked token answers 404.
 */
@Controller
class ShareController {
    /** The report needs nothing but its own inline styles. */
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private final InvestigationService investigations;
    private final Clock clock;

    ShareController(InvestigationService investigations, Clock clock) {
        this.investigations = investigations;
        this.clock = clock;
    }

    @GetMapping("/share/{token}")
    ResponseEntity<String> shared(@PathVariable String token) {
        var html = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
        return investigations.shared(token)
                .map(inv -> ResponseEntity.ok().contentType(html)
                        .header("Content-Security-Policy", REPORT_CSP)
                        .header("Cache-Control", "no-store")
                        .header("Referrer-Policy", "no-referrer")
                        .header("X-Robots-Tag", "noindex")
                        .body(InvestigationReport.html(inv, clock.instant(), null,
                                "Read-only view of a SessionLens investigation, shared by its team.")))
                .orElseGet(() -> ResponseEntity.status(404).contentType(html)
                        .header("Cache-Control", "no-store")
                        .body("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found"
                                + "</title></head><body><h1>Not found</h1><p>This link does not exist or was revoked."
                                + "</p></body></html>"));
    }
}
