package io.sessionlens.session;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.ScorerError;
import io.sessionlens.trace.model.TraceState;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * GET /api/sessions/{id}: the session, its turns in order with what was read from each, the session-level judges,
 * scorer errors (listed, never counted as verdicts) and the root-cause turn. {@code standalone}: a trace without a
 * session id, shown as a one-turn session of its own. {@code analysed}: false while the session waits for its
 * analysis; the turns then carry MLflow's previews and the analysis' fields are empty. {@code diagnosisNote}: when there
 * is no root cause, why not ("every judge passed; 2 re-asks, treated as benign"); null otherwise and while not analysed.
 * {@code importInterrupted}: the server stopped while an import was storing this session, so turns may be missing until
 * an import that finishes stores them again (decision record 025).
 */
public record SessionDocument(String experimentId, String sessionId, boolean standalone, String user, String state,
        int turnCount, boolean analysed, List<TurnDocument> turns, List<AssessmentView> sessionAssessments,
        List<ScorerError> scorerErrors, @Nullable RootCause rootCause, List<ContextFinding> contextFindings,
        @Nullable String diagnosisNote, boolean importInterrupted) {

    /** The turns an analyst should look at, by index: an ERROR state, an error span or a failing judge. */
    public Set<Integer> flaggedTurns() {
        return turns.stream().filter(t -> TraceState.parse(t.state()) == TraceState.ERROR || !t.errorSpans().isEmpty()
                || t.assessments().stream().anyMatch(AssessmentView::failing)).map(TurnDocument::index)
                .collect(Collectors.toUnmodifiableSet());
    }
}
