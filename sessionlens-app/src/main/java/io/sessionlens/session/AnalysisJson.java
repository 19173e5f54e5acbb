package io.sessionlens.session;

import io.sessionlens.analysis.SessionAnalysis;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** The stored form of a SessionAnalysis: its records as JSON, read back on every view and API call. */
final class AnalysisJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnalysisJson() {}

    static String write(SessionAnalysis a) {
        return JSON.writeValueAsString(a);
    }

    static @Nullable SessionAnalysis read(@Nullable String json) {
        return json == null ? null : JSON.readValue(json, SessionAnalysis.class);
    }

    /** A judge value as a chip shows it: strings bare, everything else as JSON. */
    static String display(@Nullable Object value) {
        if (value == null) return "";
        return value instanceof String s ? s : JSON.writeValueAsString(value);
    }
}
