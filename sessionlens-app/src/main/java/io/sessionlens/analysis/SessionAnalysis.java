package io.sessionlens.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything an analyst needs to see where a session went wrong.
 *
 * @param sessionAssessments session-level (multi-turn) judges, which MLflow stores on the first trace
 * @param scorerErrors scorers that crashed, listed so nobody reads them as verdicts
 * @param rootCause null when nothing in the session failed
 * @param diagnosisNote when there is no root cause: why not, in one sentence ("every judge passed; 2 re-asks, treated
 *     as benign"); null otherwise
 */
public record SessionAnalysis(List<TurnAnalysis> turns, List<AssessmentView> sessionAssessments,
        List<ScorerError> scorerErrors, @Nullable RootCause rootCause, List<ContextFinding> contextFindings,
        @Nullable String diagnosisNote) {
    public SessionAnalysis {
        turns = List.copyOf(turns);
        sessionAssessments = List.copyOf(sessionAssessments);
        scorerErrors = List.copyOf(scorerErrors);
        contextFindings = List.copyOf(contextFindings);
    }

    /** Without a note (callers that build an empty analysis for display). */
    public SessionAnalysis(List<TurnAnalysis> turns, List<AssessmentView> sessionAssessments,
            List<ScorerError> scorerErrors,
            @Nullable RootCause rootCause, List<ContextFinding> contextFindings) {
        this(turns, sessionAssessments, scorerErrors, rootCause, contextFindings, null);
    }

    public static SessionAnalysis empty() {
        return new SessionAnalysis(List.of(), List.of(), List.of(), null, List.of(), null);
    }
}
