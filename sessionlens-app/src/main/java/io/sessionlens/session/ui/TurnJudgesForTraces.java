package io.sessionlens.session.ui;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.session.SessionReader;
import io.sessionlens.session.TurnDocument;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.ui.TraceNavigation;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Gives the span page the turn's judges, read as the session page reads them, without trace depending on session. */
@Component
class TurnJudgesForTraces implements TraceNavigation.TurnJudges {
    private final SessionReader sessions;

    TurnJudgesForTraces(SessionReader sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<TraceNavigation.TurnJudge> of(String experimentId, String sessionKey, String traceId) {
        return sessions.open(new SessionRef(experimentId, sessionKey)).stream()
                .flatMap(doc -> doc.turns().stream())
                .filter(t -> t.traceId().equals(traceId))
                .map(TurnDocument::assessments)
                .findFirst().orElse(List.of()).stream()
                .filter(a -> a.spanId() == null)
                .map(TurnJudgesForTraces::judge)
                .toList();
    }

    private static TraceNavigation.TurnJudge judge(AssessmentView a) {
        return new TraceNavigation.TurnJudge(a.name(), JudgeLine.valueText(a.value()),
                a.verdict().name().toLowerCase(Locale.ROOT), a.rationale(), a.source());
    }
}
