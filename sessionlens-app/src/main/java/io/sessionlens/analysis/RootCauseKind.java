package io.sessionlens.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What kind of fault started a failed session (decision 011). Part of the JSON API as the lower-case names.
 */
public enum RootCauseKind {
    /** A tool call failed and was not recovered, and the answer went on as if it had worked. */
    TOOL_ERROR,
    /** The answer took its facts from a document whose own metadata says it is outdated. */
    OUTDATED_RETRIEVAL,
    /** The answer states something found in no tool result, retrieved document or user message. */
    HALLUCINATION,
    /** The model's input no longer held a fact the user gave, which a later answer needed. */
    CONTEXT_LOSS,
    /** Negative evidence of another kind (a judge's flag without a traceable origin, a failed model call); see the reason. */
    OTHER;

    /** The name in the JSON API and the database: {@code tool_error}, {@code outdated_retrieval}, … */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * As an analyst reads it: "tool error", "outdated document", "made-up fact", "lost context", "other" (the session page
     * shows the reason instead of "other").
     */
    public String label() {
        return switch (this) {
            case TOOL_ERROR -> "tool error";
            case OUTDATED_RETRIEVAL -> "outdated document";
            case HALLUCINATION -> "made-up fact";
            case CONTEXT_LOSS -> "lost context";
            case OTHER -> "other";
        };
    }

    public static RootCauseKind ofWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown root cause kind " + wire));
    }

    @Override
    public String toString() {
        return wire();
    }
}
