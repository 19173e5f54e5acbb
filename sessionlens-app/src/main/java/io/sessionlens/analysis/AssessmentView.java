package io.sessionlens.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One assessment as an analyst reads it.
 *
 * @param value the decoded JSON value (String, Number, Boolean, Map or List), null when there is none
 * @param source who made it, {@code "LLM_JUDGE: gpt-4o"} style ({@code "HUMAN"} when the source has no id)
 * @param spanId the span it is attached to; null for the whole trace
 * @param history the {@code valid:false} assessments this one overrides, newest first
 */
public record AssessmentView(String name, @Nullable Object value, @Nullable String rationale, String source,
        @Nullable String spanId, Verdict verdict, boolean sessionLevel, List<AssessmentView> history) {
    public AssessmentView {
        history = List.copyOf(history);
    }

    public boolean failing() {
        return verdict == Verdict.FAIL;
    }
}
