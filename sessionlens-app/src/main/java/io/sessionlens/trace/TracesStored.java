package io.sessionlens.trace;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Published when stored traces change (a batch stored, traces deleted): the sessions whose traces changed.
 *
 * @param partOfImport stored by an import that announces its end (the importer's {@code ImportFinished}); until then
 *     the sessions are marked as being imported
 * @param storedTurns the turn rows this batch inserted, per session, in request-time order (numbered from 1 within the
 *     batch); a session's traces stored earlier are not in it, and deletions carry none. With
 *     {@link TraceService#turnsOf(java.util.Collection, Map)} the session index need not read back what the writer
 *     had in hand.
 */
public record TracesStored(Set<SessionRef> sessions, boolean partOfImport, Map<SessionRef, List<TurnRow>> storedTurns) {
    public TracesStored(Set<SessionRef> sessions, boolean partOfImport) {
        this(sessions, partOfImport, Map.of());
    }
}
