package io.sessionlens.importer;

import io.sessionlens.trace.SessionRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did, per file: the JSON answer of POST /api/imports and what the import page shows. {@code sessions}
 * are the sessions the import touched (a trace without a session is its own, under its trace id); {@code importId} names
 * the import in the history ({@code GET /api/imports}), null when it stored nothing.
 */
public record ImportReport(int tracesImported, int tracesUpdated, int tracesUnchanged, List<FileReport> files,
        List<SessionRef> sessions, @Nullable Long importId) {

    /**
     * One file's part. {@code read}: the traces found in it; {@code traces}: of them stored, as new / updated /
     * unchanged; {@code rejected}: not stored, each named in {@code errors}; {@code stoppedReading}: null when the whole
     * file was read, else where reading stopped and why (the traces after that point were not read); {@code sessions}:
     * the sessions its stored traces belong to; {@code experimentsNamed}: experiment names it held (an MLflow
     * experiments answer, which holds no traces).
     */
    public record FileReport(String name, int read, int traces, int rejected, int imported, int updated, int unchanged,
            int sessions, @Nullable String stoppedReading, List<ImportProblem> errors, List<ImportProblem> warnings,
            int experimentsNamed) {

        /** A file that could not be read at all. */
        public static FileReport unreadable(String name, String why) {
            return new FileReport(name, 0, 0, 0, 0, 0, 0, 0, null, List.of(new ImportProblem(null, why)), List.of(), 0);
        }

        public boolean failed() {
            return traces == 0 && !errors.isEmpty();
        }
    }

    /** True when nothing in the request could be imported (the API then answers 400). */
    public boolean nothingImportable() {
        return files.stream().allMatch(f -> f.traces() == 0 && f.experimentsNamed() == 0);
    }

    public int problemCount() {
        return files.stream().mapToInt(f -> f.errors().size()).sum();
    }

    public @Nullable String firstError() {
        return files.stream().flatMap(f -> f.errors().stream().map(e -> f.name() + ": " + e.describe()))
                .findFirst().orElse(null);
    }
}
