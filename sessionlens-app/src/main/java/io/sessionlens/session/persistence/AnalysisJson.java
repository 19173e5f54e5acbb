package io.sessionlens.session.persistence;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.SessionAnalysis;
import io.sessionlens.session.SessionRow.JudgeChip;
import io.sessionlens.trace.json.SharedJson;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored forms of a session's analysis: the whole {@link SessionAnalysis} as JSON (read back on every view and API
 * call), and its session-level judges as compact chips (searchable with LIKE, shown in the list).
 */
public final class AnalysisJson {
    private static final JsonMapper JSON = SharedJson.MAPPER;

    private AnalysisJson() {}

    public static String write(SessionAnalysis a) {
        return JSON.writeValueAsString(a);
    }

    public static @Nullable SessionAnalysis read(@Nullable String json) {
        return json == null ? null : JSON.readValue(json, SessionAnalysis.class);
    }

    public static String writeJudges(List<AssessmentView> sessionAssessments) {
        return JSON.writeValueAsString(sessionAssessments.stream().map(AnalysisJson::chip).toList());
    }

    public static List<JudgeChip> readJudges(@Nullable String json) {
        if (json == null || json.isBlank()) return List.of();
        return JSON.readValue(json, new TypeReference<List<JudgeChip>>() {});
    }

    /** A judge value as a chip shows it: strings bare, everything else as JSON. */
    private static JudgeChip chip(AssessmentView a) {
        String value = a.value() == null ? "" : a.value() instanceof String s ? s : JSON.writeValueAsString(a.value());
        return new JudgeChip(a.name(), value, a.verdict().name());
    }
}
