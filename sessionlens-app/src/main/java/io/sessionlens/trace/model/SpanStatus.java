package io.sessionlens.trace.model;

import org.jspecify.annotations.Nullable;

/** One enum for the three spellings MLflow used: STATUS_CODE_OK (3.x), OK (2.x, 3.5), missing (OTLP). */
public enum SpanStatus {
    UNSET, OK, ERROR;

    public static SpanStatus parse(@Nullable String code) {
        if (code == null) return UNSET;
        String c = code.trim().toUpperCase(java.util.Locale.ROOT);
        if (c.startsWith("STATUS_CODE_")) c = c.substring("STATUS_CODE_".length());
        return switch (c) {
            case "OK" -> OK;
            case "ERROR" -> ERROR;
            default -> UNSET;
        };
    }

    /** The ≥3.6 export spelling. */
    public String mlflowCode() {
        return "STATUS_CODE_" + name();
    }
}
