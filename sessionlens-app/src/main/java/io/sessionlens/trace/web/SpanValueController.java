package io.sessionlens.trace.web;

import io.sessionlens.trace.SpanTreeService;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.json.SharedJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/span-value?traceId=&spanId=&key=: one span attribute's whole value as a download. The span page shows the
 * first 20,000 characters of a value; a retrieved document or a model output can be megabytes, and this is how an
 * analyst gets all of it. A JSON string comes as its text ({@code .txt}), anything else as the JSON stored
 * ({@code .json}). Always an attachment, never rendered by the browser: the content comes from a trace.
 */
@RestController
class SpanValueController {
    private final SpanTreeService spans;

    SpanValueController(SpanTreeService spans) {
        this.spans = spans;
    }

    @GetMapping("/api/span-value")
    ResponseEntity<?> value(@RequestParam String traceId, @RequestParam String spanId, @RequestParam String key) {
        var span = spans.span(traceId, spanId);
        if (span.isEmpty()) return notFound("no span " + spanId + " in trace " + traceId);
        String raw = span.get().attribute(key);
        if (raw == null) return notFound("span " + spanId + " has no attribute " + key);
        boolean text = raw.startsWith("\"");
        String body = raw;
        if (text) {
            JsonNode n = JsonValues.decode(raw);
            body = n.isString() ? n.stringValue() : raw;
        }
        String file = (span.get().name() + "-" + key).replaceAll("[^A-Za-z0-9._-]+", "_") + (text ? ".txt" : ".json");
        return ResponseEntity.ok()
                .contentType(text
                        ? new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<String> notFound(String message) {
        return ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON)
                .body(SharedJson.MAPPER.writeValueAsString(Map.of("error", message)));
    }
}
