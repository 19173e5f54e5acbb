package io.sessionlens.analysis.assessment;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.text.Excerpt;
import io.sessionlens.trace.json.SharedJson;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** How an assessment is quoted in evidence: {@code correctness = no: 'The fee is 1.5% since 2024'}. */
public final class AssessmentWording {
    private static final JsonMapper MAPPER = SharedJson.MAPPER;

    private AssessmentWording() {}

    public static String describe(AssessmentView a) {
        String s = a.name() + " = " + value(a.value());
        return a.rationale() == null ? s : s + ": " + Excerpt.quoted(a.rationale());
    }

    public static String value(@Nullable Object v) {
        if (v == null) return "(no value)";
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            try {
                return Excerpt.of(MAPPER.writeValueAsString(v), 80);
            } catch (RuntimeException e) {
                return Excerpt.of(v.toString(), 80);
            }
        }
        return Excerpt.of(v.toString(), 80);
    }
}
