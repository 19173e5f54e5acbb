package io.sessionlens.trace;

/** What storing one trace did: idempotent by trace id, updated when its content changed. */
public enum StoreOutcome {
    IMPORTED, UPDATED, UNCHANGED
}
