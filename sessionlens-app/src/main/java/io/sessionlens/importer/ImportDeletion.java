package io.sessionlens.importer;

/**
 * What deleting an import removes (asked before, for the confirmation) or removed: {@code traces} stored traces in
 * {@code sessions} sessions, and {@code keptTraces} of its traces that stay because another import delivered them too
 * (decision record 017).
 */
public record ImportDeletion(long importId, int traces, int sessions, int keptTraces) {}
