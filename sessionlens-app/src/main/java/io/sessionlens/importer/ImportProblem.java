package io.sessionlens.importer;

import org.jspecify.annotations.Nullable;

/** One defect in an uploaded file; {@code trace} names the trace (id, "trace #3", "line 7") or is null for the file. */
public record ImportProblem(@Nullable String trace, String message) {
    public String describe() {
        return trace == null ? message : trace + ": " + message;
    }
}
