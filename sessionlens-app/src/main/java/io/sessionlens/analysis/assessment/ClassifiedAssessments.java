package io.sessionlens.analysis.assessment;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ScorerError;
import java.util.List;
import java.util.Map;

/**
 * A session's assessments, sorted.
 *
 * @param perTurn current per-turn assessments by trace id (every trace of the session has an entry)
 */
public record ClassifiedAssessments(List<AssessmentView> sessionLevel, Map<String, List<AssessmentView>> perTurn,
        List<ScorerError> scorerErrors) {
    public ClassifiedAssessments {
        sessionLevel = List.copyOf(sessionLevel);
        perTurn = Map.copyOf(perTurn);
        scorerErrors = List.copyOf(scorerErrors);
    }

    public List<AssessmentView> forTurn(String traceId) {
        return perTurn.getOrDefault(traceId, List.of());
    }
}
