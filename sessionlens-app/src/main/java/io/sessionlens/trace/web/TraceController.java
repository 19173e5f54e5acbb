package io.sessionlens.trace.web;

import io.sessionlens.trace.TraceService;
import io.sessionlens.trace.json.TraceJsonWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/traces/{traceId}: the stored trace as MLflow ≥3.6 {@code traces get} JSON, so it round-trips. */
@RestController
class TraceController {
    private final TraceService traces;

    TraceController(TraceService traces) {
        this.traces = traces;
    }

    /** The rest of the path is the id: Unity Catalog trace ids ({@code trace:/catalog.schema/<hex>}) hold slashes. */
    @GetMapping(value = "/api/traces/{*traceId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> trace(@PathVariable("traceId") String path) {
        String traceId = path.startsWith("/") ? path.substring(1) : path;
        return traces.find(traceId)
                .map(t -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(TraceJsonWriter.toJson(t)))
                .orElseGet(() -> ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"error\":\"no trace with id " + traceId.replace("\"", "'").replace("\\", "/")
                                + "\"}"));
    }
}
