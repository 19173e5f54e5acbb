package io.sessionlens.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.ScorerError;
import io.sessionlens.trace.json.SharedJson;
import io.sessionlens.trace.model.TraceState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

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
        @Nullable String diagnosisNote, boolean importInterrupted, @Nullable HumanVerdict humanVerdict) {

    /** The automatic verdict (what the analysis found); views show it beside the human one. */
    @Override
    @JsonIgnore
    public @Nullable RootCause rootCause() {
        return rootCause;
    }

    @JsonIgnore
    @Override
    public @Nullable HumanVerdict humanVerdict() {
        return humanVerdict;
    }

    /**
     * The API's {@code rootCause}: the human verdict where there is one ({@code source: "human"}, its reviewer, time and
     * note, {@code turn: null} for "no root cause"), the automatic one under {@code automatic}; else the automatic one
     * with {@code source: "auto"}; null when neither found a root cause.
     */
    @JsonProperty("rootCause")
    public @Nullable Map<String, Object> rootCauseJson() {
        Map<String, Object> auto = rootCause == null
                ? null
                : SharedJson.MAPPER.convertValue(rootCause, new TypeReference<LinkedHashMap<String, Object>>() {});
        if (humanVerdict == null) {
            if (auto == null) return null;
            auto.put("source", "auto");
            return auto;
        }
        Map<String, Object> human = new LinkedHashMap<>();
        human.put("turn", humanVerdict.turn());
        human.put("kind", humanVerdict.kind());
        human.put("source", "human");
        human.put("note", humanVerdict.note());
        human.put("reviewer", humanVerdict.reviewer());
        human.put("decidedAt", humanVerdict.decidedAt().toString());
        human.put("version", humanVerdict.version());
        human.put("automatic", auto);
        return human;
    }

    /** The turns an analyst should look at, by index: an ERROR state, an error span or a failing judge. */
    public Set<Integer> flaggedTurns() {
        return turns.stream().filter(t -> TraceState.parse(t.state()) == TraceState.ERROR || !t.errorSpans().isEmpty()
                || t.assessments().stream().anyMatch(AssessmentView::failing)).map(TurnDocument::index)
                .collect(Collectors.toUnmodifiableSet());
    }
}
