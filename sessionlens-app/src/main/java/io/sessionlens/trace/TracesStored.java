package io.sessionlens.trace;

import java.util.Set;

/**
 * Published when stored traces change (a batch stored, traces deleted): the sessions whose traces changed.
 *
 * @param partOfImport stored by an import that announces its end (the importer's {@code ImportFinished}); until then
 *     the sessions are marked as being imported
 */
public record TracesStored(Set<SessionRef> sessions, boolean partOfImport) {}
