package io.sessionlens.importer;

import io.sessionlens.trace.SessionRef;
import java.util.List;
import java.util.Set;

/**
 * Published when an import has stored what it could and its sessions are indexed; also when it failed.
 *
 * @param sessions every session the import stored a trace of (new, updated or unchanged): the import has finished
 *     with them, so any mark left by an interrupted earlier import can go
 */
public record ImportFinished(List<String> fileNames, Set<SessionRef> sessions) {
    public ImportFinished {
        fileNames = List.copyOf(fileNames);
        sessions = Set.copyOf(sessions);
    }
}
