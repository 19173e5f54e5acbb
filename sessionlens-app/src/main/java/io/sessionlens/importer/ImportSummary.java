package io.sessionlens.importer;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One past import request as the history lists it: when, which files, what it did to how many traces and sessions, and
 * how many of the traces it delivered are still stored ({@code tracesStillStored}; sessions deleted since, or the
 * retention, take some away). {@code finishedAt} is null while it runs, or when the server stopped during it.
 */
public record ImportSummary(long id, Instant startedAt, @Nullable Instant finishedAt, List<String> files,
        int tracesRead, int tracesImported, int tracesUpdated, int tracesUnchanged, int tracesRejected, int sessions,
        int tracesStillStored) {}
