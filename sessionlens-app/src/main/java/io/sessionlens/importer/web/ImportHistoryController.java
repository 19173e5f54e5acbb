package io.sessionlens.importer.web;

import io.sessionlens.importer.ImportHistory;
import io.sessionlens.importer.ImportSummary;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The import history: GET /api/imports lists the imports, DELETE /api/imports/{id} takes one out again. */
@RestController
class ImportHistoryController {
    private final ImportHistory history;

    ImportHistoryController(ImportHistory history) {
        this.history = history;
    }

    record HistoryPage(List<ImportSummary> imports) {}

    @GetMapping("/api/imports")
    HistoryPage list() {
        return new HistoryPage(history.list());
    }

    @DeleteMapping("/api/imports/{id}")
    ResponseEntity<?> delete(@PathVariable String id) {
        long importId;
        try {
            importId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "an import id is a number, not '" + id + "'"));
        }
        return history.delete(importId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "no import " + importId)));
    }
}
