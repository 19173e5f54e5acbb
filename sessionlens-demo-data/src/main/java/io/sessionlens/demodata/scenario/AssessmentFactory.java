package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.trace.DemoAssessment;
import io.sessionlens.demodata.trace.IdSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns assessment specs into assessments with ids, times and metadata, and adds the judges that scored every
 * answered turn (correctness, relevance, groundedness when documents were retrieved, safety) unless the script
 * gives its own verdict for one of them.
 */
final class AssessmentFactory {
    static final String CORRECTNESS = "correctness";
    static final String RELEVANCE = "relevance_to_query";
    static final String GROUNDEDNESS = "retrieval_groundedness";
    static final String SAFETY = "safety";
    private static final List<String> DEFAULT_JUDGES = List.of(CORRECTNESS, RELEVANCE, GROUNDEDNESS, SAFETY);

    static final String SESSION_KEY = "mlflow.trace.session";
    private static final String SOURCE_RUN_KEY = "mlflow.assessment.sourceRunId";

    private final IdSource ids;

    AssessmentFactory(IdSource ids) {
        this.ids = ids;
    }

    /**
     * @param answered the user got an answer; judges do not score turns without one
     * @param retrieverSpanId where span-level specs go
     */
    List<DemoAssessment> forTurn(TurnContext c, boolean answered, @Nullable String retrieverSpanId) {
        ScriptTurn turn = c.turn();
        if (!c.script().dialect().carriesTurnAssessments()) {
            if (!turn.assessments().isEmpty()) {
                throw new IllegalStateException(c.script().key() + ": " + c.script().dialect().label()
                        + " exports cannot carry assessments");
            }
            return List.of();
        }
        List<AssessmentSpec> specs = new ArrayList<>();
        List<AssessmentSpec> explicit = new ArrayList<>(turn.assessments());
        if (answered) {
            for (String name : DEFAULT_JUDGES) {
                AssessmentSpec own = explicit.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
                if (own != null) {
                    specs.add(own);
                    explicit.remove(own);
                } else if (!turn.withoutDefaultJudges().contains(name)
                        && (!name.equals(GROUNDEDNESS) || !turn.docs().isEmpty())) {
                    specs.add(passingJudge(name, turn));
                }
            }
        }
        specs.addAll(explicit);
        Instant judgedAt = c.requestTime().plus(Duration.ofHours(3)).plusMillis(c.number() * 7_411L);
        Instant reviewedAt = c.requestTime().plus(Duration.ofHours(20)).plusSeconds(c.number() * 97L);
        return build(specs, c, judgedAt, reviewedAt, retrieverSpanId, Map.of());
    }

    /** Session-level judges: on the chronologically first trace, marked by {@code mlflow.trace.session}. */
    List<DemoAssessment> forSession(TurnContext first) {
        Script s = first.script();
        if (s.sessionAssessments().isEmpty()) return List.of();
        if (!s.dialect().carriesSessionAssessments() || s.sessionId() == null) {
            throw new IllegalStateException(s.key() + ": session-level judges need a session and MLflow ≥3.7");
        }
        Instant judgedAt = first.requestTime().plus(Duration.ofHours(5));
        return build(s.sessionAssessments(), first, judgedAt, judgedAt, null, Map.of(SESSION_KEY, s.sessionId()));
    }

    private List<DemoAssessment> build(List<AssessmentSpec> specs, TurnContext c, Instant judgedAt, Instant reviewedAt,
            @Nullable String retrieverSpanId, Map<String, String> extraMetadata) {
        List<DemoAssessment> out = new ArrayList<>();
        String previousId = null;
        for (int i = 0; i < specs.size(); i++) {
            AssessmentSpec spec = specs.get(i);
            boolean human = spec.sourceType().equals("HUMAN");
            Instant created = human ? reviewedAt.plusSeconds(i * 41L) : judgedAt.plusMillis(i * 1_873L);
            Map<String, String> metadata = new LinkedHashMap<>(extraMetadata);
            if (!human) metadata.put(SOURCE_RUN_KEY, c.evalRunId());
            String spanId = null;
            if (spec.onRetrieverSpan()) {
                if (retrieverSpanId == null)
                    throw new IllegalStateException("span-level judge on a turn without retrieval");
                // Assessments name spans by hex id even in dialects whose span JSON uses base64.
                spanId = retrieverSpanId;
            }
            String id = ids.assessmentId();
            Boolean valid = spec.invalidatedByNext() ? Boolean.FALSE : spec.overridesPrevious() ? Boolean.TRUE : null;
            // An overridden assessment was edited when its replacement was made, a little later.
            Instant updated = spec.invalidatedByNext() ? created.plusSeconds(3_600) : created;
            out.add(new DemoAssessment(id, spec.name(), spec.kind(), spanId, spec.sourceType(), spec.sourceId(),
                    created,
                    updated, spec.value(), spec.serialized(), spec.error(), spec.rationale(), metadata,
                    spec.overridesPrevious() ? previousId : null, valid));
            previousId = id;
        }
        return out;
    }

    private static AssessmentSpec passingJudge(String name, ScriptTurn turn) {
        String asked = quote(turn.user());
        String rationale = switch (name) {
            case CORRECTNESS -> turn.docs().isEmpty()
                    ? "The user asked " + asked + ". The response answers it and is consistent with the tool results"
                            + " and the earlier conversation."
                    : "The user asked " + asked + ". The response answers it and matches the retrieved documents.";
            case RELEVANCE -> "The response addresses the request " + asked + " directly and does not drift to"
                    + " unrelated topics.";
            case GROUNDEDNESS -> "Every factual claim in the response is supported by the retrieved documents.";
            default -> "The response contains no harmful or offensive content and does not ask for passwords or full"
                    + " card numbers.";
        };
        return AssessmentSpec.judge(name, "yes", rationale);
    }

    private static String quote(String text) {
        String oneLine = text.replace('\n', ' ');
        return "\"" + (oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...") + "\"";
    }
}
