package io.sessionlens.analysis.provenance;

/** Where a fact an answer states came from, in the order the check prefers them. */
public enum Source {
    /** The user said it (in this turn or before). */
    USER,
    /** A tool call returned it or was called with it. */
    TOOL,
    /** A retrieved document that is current says it. */
    DOCUMENT,
    /** Only a retrieved document whose metadata marks it outdated says it. */
    OUTDATED_DOCUMENT,
    /** An earlier answer said it first, without a source of its own there: the claim is that turn's. */
    EARLIER_ANSWER,
    /** Nothing the assistant was given says it. */
    NONE
}
