package io.sessionlens.annotation.web;

import io.sessionlens.annotation.LabelSchemaDraft;
import io.sessionlens.annotation.LabelSchemaService;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Label schemas (decision record 027): {@code GET /api/experiments/{experimentId}/label-schemas} (viewer+), {@code POST}
 * the same path, {@code PUT /api/label-schemas/{id}} with {@code version}, {@code DELETE /api/label-schemas/{id}
 * ?version=} (manager+). Body: {@code {name, title, type, options, min, max, target, instructions}}.
 */
@RestController
class LabelSchemaController {
    private final LabelSchemaService schemas;

    LabelSchemaController(LabelSchemaService schemas) {
        this.schemas = schemas;
    }

    record Body(@Nullable String name, @Nullable String title, @Nullable String type, @Nullable List<String> options,
            @Nullable Double min, @Nullable Double max, @Nullable String target, @Nullable String instructions,
            @Nullable Long version) {
        LabelSchemaDraft draft() {
            return new LabelSchemaDraft(name, title, type, options, min, max, target, instructions);
        }
    }

    @GetMapping("/api/experiments/{experimentId}/label-schemas")
    Map<String, Object> list(@PathVariable String experimentId) {
        return Map.of("experimentId", experimentId,
                "labelSchemas", schemas.list(experimentId).stream().map(AnnotationJson::of).toList());
    }

    @PostMapping("/api/experiments/{experimentId}/label-schemas")
    ResponseEntity<?> create(@PathVariable String experimentId, @RequestBody Body body) {
        return ResponseEntity.status(201).body(AnnotationJson.of(schemas.create(experimentId, body.draft())));
    }

    @GetMapping("/api/label-schemas/{id}")
    ResponseEntity<?> one(@PathVariable long id) {
        return schemas.find(id).<ResponseEntity<?>>map(s -> ResponseEntity.ok(AnnotationJson.of(s)))
                .orElseGet(() -> notFound(id));
    }

    @PutMapping("/api/label-schemas/{id}")
    ResponseEntity<?> update(@PathVariable long id, @RequestBody Body body) {
        return schemas.update(id, body.draft(), body.version())
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok(AnnotationJson.of(s))).orElseGet(() -> notFound(id));
    }

    @DeleteMapping("/api/label-schemas/{id}")
    ResponseEntity<?> delete(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
        return schemas.delete(id, version) ? ResponseEntity.noContent().build() : notFound(id);
    }

    private static ResponseEntity<?> notFound(long id) {
        return ResponseEntity.status(404).body(Map.of("error", "no label schema " + id));
    }
}
