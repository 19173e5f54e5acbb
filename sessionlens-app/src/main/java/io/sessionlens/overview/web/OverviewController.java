package io.sessionlens.overview.web;

import io.sessionlens.overview.OverviewPeriod;
import io.sessionlens.overview.OverviewService;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/overview?experimentId=&from=&to=} (or {@code period=7d|30d|all}): the quality overview's figures, the
 * same the page shows; {@code GET /api/overview.csv?…}: them as CSV. Managers and admins (decision record 035).
 */
@RestController
class OverviewController {
    private final OverviewService overview;

    OverviewController(OverviewService overview) {
        this.overview = overview;
    }

    /** The query parameters both answers take ({@code experiment} is the sessions list's name for the id). */
    record Query(@Nullable String experimentId, @Nullable String experiment, @Nullable String period,
            @Nullable String from, @Nullable String to) {
        OverviewPeriod.Parsed parse() {
            return OverviewPeriod.parse(experimentId != null ? experimentId : experiment, period, from, to);
        }
    }

    @GetMapping("/api/overview")
    ResponseEntity<?> overview(Query query) {
        var parsed = query.parse();
        if (!parsed.problems().isEmpty()) return ResponseEntity.badRequest().body(Map.of("error", parsed.message()));
        return ResponseEntity.ok(OverviewJson.of(overview.overview(parsed.period())));
    }

    @GetMapping("/api/overview.csv")
    ResponseEntity<?> csv(Query query) {
        var parsed = query.parse();
        if (!parsed.problems().isEmpty()) return ResponseEntity.badRequest().body(Map.of("error", parsed.message()));
        var o = overview.overview(parsed.period());
        var body = new java.io.ByteArrayOutputStream();
        OverviewCsv.write(o, body);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"overview-" + o.current().from() + "-"
                        + o.current().to() + ".csv\"")
                .body(body.toByteArray());
    }
}
