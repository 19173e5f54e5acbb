package io.sessionlens.trace.model;

import org.jspecify.annotations.Nullable;

/** Who made an assessment: HUMAN, LLM_JUDGE, CODE or SOURCE_TYPE_UNSPECIFIED (legacy AI_JUDGE → LLM_JUDGE). */
public record AssessmentSource(String type, @Nullable String id) {
    public static AssessmentSource of(@Nullable String type, @Nullable String id) {
        String t = type == null || type.isBlank()
                ? "SOURCE_TYPE_UNSPECIFIED"
                : type.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.equals("AI_JUDGE")) t = "LLM_JUDGE";
        return new AssessmentSource(t, id);
    }
}
