package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.ExpectedSession;
import io.sessionlens.demodata.ExpectedTurn;
import io.sessionlens.demodata.trace.DemoTrace;
import java.util.Comparator;
import java.util.List;

/** A script once assembled: its traces in request-time order, and the ground truth for them. */
public record AssembledSession(Script script, List<AssembledTurn> turns) {
    public AssembledSession {
        turns = List.copyOf(turns);
    }

    public List<DemoTrace> traces() {
        return turns.stream().map(AssembledTurn::trace).toList();
    }

    /** The given turns (1-based), in the order given. */
    public List<DemoTrace> traces(int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(n -> turns.get(n - 1).trace()).toList();
    }

    public List<DemoTrace> newestFirst() {
        return turns.stream().map(AssembledTurn::trace)
                .sorted(Comparator.comparing(DemoTrace::requestTime).reversed()).toList();
    }

    public ExpectedSession expected() {
        Script s = script;
        String sessionId = s.sessionId() != null ? s.sessionId() : turns.getFirst().trace().traceId();
        List<ExpectedTurn> expectedTurns = turns.stream()
                .map(t -> new ExpectedTurn(t.number(), t.trace().traceId(), t.userMessage().text(),
                        t.assistantMessage() == null ? "" : t.assistantMessage().text(), t.hasErrorSpan()))
                .toList();
        List<String> sessionNames = s.sessionAssessments().stream().map(AssessmentSpec::name).toList();
        GroundTruth truth = s.truth();
        return new ExpectedSession(s.domain().experimentId(), sessionId, s.dialect().label(), s.format().label(),
                expectedTurns, sessionNames, truth.rootCauseTurn(), truth.rootCauseKind(), truth.reason(),
                truth.chain(),
                truth.flaggedTurn(), s.story());
    }
}
