package io.sessionlens.investigation.web;

import io.sessionlens.base.ui.RouteIds;
import io.sessionlens.investigation.EvidenceRef;
import io.sessionlens.investigation.Investigation;
import io.sessionlens.investigation.InvestigationEdit;
import io.sessionlens.investigation.InvestigationFilter;
import io.sessionlens.investigation.InvestigationReport;
import io.sessionlens.investigation.InvestigationService;
import io.sessionlens.investigation.InvestigationService.InvalidInvestigation;
import io.sessionlens.investigation.InvestigationService.StaleInvestigation;
import io.sessionlens.investigation.InvestigationStatus;
import io.sessionlens.investigation.Pin;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * /api/investigations (issue #13): create, list with filters, read, edit with a version (409 with what stands when it
 * is stale), pin and unpin evidence, create and revoke the read-only share link, export as Markdown or HTML. Viewers
 * read; writes need an analyst (SecurityConfig).
 */
@RestController
class InvestigationController {
    private final InvestigationService investigations;
    private final Clock clock;

    InvestigationController(InvestigationService investigations, Clock clock) {
        this.investigations = investigations;
        this.clock = clock;
    }

    record CreateBody(@Nullable String title, @Nullable String hypothesis) {}

    record PinBody(@Nullable String experimentId, @Nullable String sessionId, @Nullable Integer turn,
            @Nullable String traceId, @Nullable String spanId, @Nullable String quote) {}

    @PostMapping("/api/investigations")
    ResponseEntity<?> create(@RequestBody CreateBody body) {
        return answer(() -> ResponseEntity.status(201).body(investigations.create(body.title(), body.hypothesis())));
    }

    @GetMapping("/api/investigations")
    ResponseEntity<?> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String experiment,
            @RequestParam(required = false) @Nullable String kind) {
        InvestigationStatus s = null;
        if (status != null && !status.isBlank()) {
            Optional<InvestigationStatus> parsed = InvestigationStatus.parse(status);
            if (parsed.isEmpty())
                return error(400, "status \"" + status + "\" is not one of "
                        + InvestigationStatus.wires());
            s = parsed.get();
        }
        var items = investigations.search(new InvestigationFilter(s, owner, experiment, kind));
        return ResponseEntity.ok(Map.of("total", items.size(), "items", items));
    }

    @GetMapping("/api/investigations/{id}")
    ResponseEntity<?> get(@PathVariable long id) {
        return investigations.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @PutMapping("/api/investigations/{id}")
    ResponseEntity<?> edit(@PathVariable long id, @RequestBody InvestigationEdit body) {
        try {
            return investigations.edit(id, body).<ResponseEntity<?>>map(ResponseEntity::ok)
                    .orElseGet(() -> notFound(id));
        } catch (InvalidInvestigation e) {
            return error(400, e.getMessage());
        } catch (StaleInvestigation e) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", e.getMessage() + "; read it and change it again");
            answer.put("current", e.current());
            return ResponseEntity.status(409).body(answer);
        }
    }

    @PostMapping("/api/investigations/{id}/pins")
    ResponseEntity<?> pin(@PathVariable long id, @RequestBody PinBody body) {
        if (body.experimentId() == null || body.sessionId() == null)
            return error(400, "a pin names the session: experimentId and sessionId");
        return answer(() -> investigations.pin(id, new EvidenceRef(body.experimentId(), body.sessionId(), body.turn(),
                body.traceId(), body.spanId()), body.quote())
                .<ResponseEntity<?>>map(p -> ResponseEntity.status(201).body(p)).orElseGet(() -> notFound(id)));
    }

    @DeleteMapping("/api/investigations/{id}/pins/{pinId}")
    ResponseEntity<?> unpin(@PathVariable long id, @PathVariable long pinId) {
        if (investigations.unpin(id, pinId)) return ResponseEntity.noContent().build();
        return error(404, "investigation " + id + " has no pin " + pinId);
    }

    @PostMapping("/api/investigations/{id}/share")
    ResponseEntity<?> share(@PathVariable long id) {
        return investigations.share(id).<ResponseEntity<?>>map(link -> ResponseEntity.status(201)
                .body(Map.of("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/share/")
                        .path(link.token()).toUriString())))
                .orElseGet(() -> notFound(id));
    }

    @DeleteMapping("/api/investigations/{id}/share")
    ResponseEntity<?> revoke(@PathVariable long id) {
        if (investigations.find(id).isEmpty()) return notFound(id);
        if (investigations.revokeShare(id)) return ResponseEntity.noContent().build();
        return error(404, "investigation " + id + " has no share link");
    }

    @GetMapping("/api/investigations/{id}/export")
    ResponseEntity<?> export(@PathVariable long id, @RequestParam(defaultValue = "md") String format) {
        if (!format.equals("md") && !format.equals("html"))
            return error(400, "format \"" + format + "\" is not md or html");
        Optional<Investigation> inv = investigations.find(id);
        if (inv.isEmpty()) return notFound(id);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/";
        String file = "investigation-" + id + "." + format;
        boolean html = format.equals("html");
        String body = html
                ? InvestigationReport.html(inv.get(), clock.instant(), links(base), null)
                : InvestigationReport.markdown(inv.get(), clock.instant());
        return ResponseEntity.ok()
                .contentType(new MediaType(html ? MediaType.TEXT_HTML : new MediaType("text", "markdown"),
                        StandardCharsets.UTF_8))
                .header("Content-Disposition",
                        ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", ShareController.REPORT_CSP)
                .body(body);
    }

    /** Absolute links into the app (the session feature's and trace feature's routes, as their Navigation classes). */
    static InvestigationReport.Links links(String base) {
        return new InvestigationReport.Links() {
            @Override
            public String session(Pin p) {
                return base + "sessions/" + RouteIds.encode(p.experimentId()) + "/" + RouteIds.encode(p.sessionId());
            }

            @Override
            public String evidence(Pin p) {
                if (p.spanId() != null && p.traceId() != null)
                    return base + "traces/" + RouteIds.encode(p.traceId()) + "?span=" + RouteIds.encode(p.spanId());
                return session(p) + (p.turn() == null ? "" : "?turn=" + p.turn());
            }
        };
    }

    private static ResponseEntity<?> answer(Supplier<ResponseEntity<?>> call) {
        try {
            return call.get();
        } catch (InvalidInvestigation e) {
            return error(400, e.getMessage());
        }
    }

    private static ResponseEntity<?> notFound(long id) {
        return error(404, "no investigation " + id);
    }

    private static ResponseEntity<?> error(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }
}
