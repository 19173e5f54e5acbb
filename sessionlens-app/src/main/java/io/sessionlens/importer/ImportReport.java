package io.sessionlens.importer;

import io.sessionlens.trace.SessionRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did, per file: the JSON answer of POST /api/imports and what the import page shows. {@code sessions}
 * are the sessions the import touched (a trace without a session is its own, under its trace id).
 */
public record ImportReport(int tracesImported, int tracesUpdated, int tracesUnchanged, List<FileReport> files,
        List<SessionRef> sessions) {

    /** One file's part: its traces stored, of them new / updated / unchanged, and the sessions they belong to. */
    public record FileReport(String name, int traces, int imported, int updated, int unchanged, int sessions,
            List<ImportProblem> errors, List<ImportProblem> warnings) {
        public boolean failed() {
            return traces == 0 && !errors.isEmpty();
        }
    }

    /** True when nothing in the request could be imported (the API then answers 400). */
    public boolean nothingImportable() {
        return files.stream().allMatch(f -> f.traces() == 0);
    }

    public int problemCount() {
        return files.stream().mapToInt(f -> f.errors().size()).sum();
    }

    public @Nullable String firstError() {
        return files.stream().flatMap(f -> f.errors().stream().map(e -> f.name() + ": " + e.describe()))
                .findFirst().orElse(null);
    }
}
