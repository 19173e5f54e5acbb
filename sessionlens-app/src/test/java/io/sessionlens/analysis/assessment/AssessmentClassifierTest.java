package io.sessionlens.analysis.assessment;

import static io.sessionlens.support.TestTraces.expectation;
import static io.sessionlens.support.TestTraces.feedback;
import static io.sessionlens.support.TestTraces.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.PolarityTable;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.support.Fixtures;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessmentClassifierTest {
    private final AssessmentClassifier classifier = new AssessmentClassifier(PolarityTable.builtIn());

    @Test
    void fixture_11_session_level_assessment_is_kept_apart_from_the_turns_relevance_and_correctness() {
        Trace exported = Fixtures.trace("11-ui-trace-with-session-level-assessment.json");
        var i = exported.info();
        // the fixture's trace carries no session id; filed under the session its assessment names, the judge is that session's
        Trace t = new Trace(
                new TraceInfo(i.traceId(), i.experimentId(), i.requestTime(), i.executionDurationMs(), i.state(),
                        i.requestPreview(), i.responsePreview(), i.clientRequestId(),
                        Map.of(MlflowKeys.SESSION, "session-123"), i.tags(),
                        i.assessments()),
                exported.spans());
        var expected = Fixtures.json("expected/11-ui-trace-with-session-level-assessment.expected.json");

        ClassifiedAssessments c = classifier.classify(List.of(t));

        List<String> shown = expected.get("transcript").get("displayed_assessment_names").valueStream()
                .map(n -> n.asString()).toList();
        assertThat(c.forTurn("trace-1")).extracting(AssessmentView::name).containsExactlyElementsOf(shown);
        assertThat(c.sessionLevel()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("SessionRelevance");
            assertThat(a.sessionLevel()).isTrue();
            assertThat(a.verdict()).isEqualTo(Verdict.PASS);
        });
    }

    @Test
    void a_session_level_assessment_belongs_to_the_session_its_metadata_names_not_to_the_trace_it_sits_on() {
        Trace withoutSession = Fixtures.trace("11-ui-trace-with-session-level-assessment.json");

        ClassifiedAssessments c = classifier.classify(List.of(withoutSession));

        assertThat(c.sessionLevel()).isEmpty();
        assertThat(c.forTurn("trace-1")).extracting(AssessmentView::name).doesNotContain("SessionRelevance");
    }

    @Test
    void fixture_07_judge_feedback_keeps_value_rationale_and_source() {
        ClassifiedAssessments c = classifier.classify(List.of(Fixtures.trace("07-ui-v3-trace-with-assessment.json")));

        assertThat(c.forTurn("tr-test-v3")).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo("5");
            assertThat(a.rationale()).isEqualTo("The thought process is sound and follows from the request");
            assertThat(a.source()).isEqualTo("LLM_JUDGE: 1");
            assertThat(a.spanId()).isNull();
            assertThat(a.verdict()).as("5 on a 1-5 scale").isEqualTo(Verdict.PASS);
        });
    }

    @Test
    void fixture_10_overridden_human_feedback_is_history_of_the_one_that_overrides_it() {
        var f = Fixtures.json("10-ui-assessments-feedback-expectation-override.json");
        Trace t = turn(1).assessment(Fixtures.assessment(f.get("MOCK_ROOT_ASSESSMENT")))
                .assessment(Fixtures.assessment(f.get("MOCK_OVERRIDDING_ASSESSMENT")))
                .assessment(Fixtures.assessment(f.get("MOCK_SPAN_ASSESSMENT")))
                .assessment(Fixtures.assessment(f.get("MOCK_EXPECTATION"))).build();

        List<AssessmentView> views = classifier.classify(List.of(t)).forTurn("tr-1");

        assertThat(views).extracting(AssessmentView::name).containsExactlyInAnyOrder("Thumbs", "Thumbs",
                "expected_facts");
        AssessmentView overriding = views.stream().filter(v -> v.history().size() == 1).findFirst().orElseThrow();
        assertThat(overriding.source()).isEqualTo("HUMAN: daniel.lok@databricks.com");
        assertThat(overriding.history().getFirst().rationale()).isEqualTo("good job");
        AssessmentView spanLevel = views.stream().filter(v -> v.spanId() != null).findFirst().orElseThrow();
        assertThat(spanLevel.spanId()).isEqualTo("span-test-1");
        assertThat(spanLevel.verdict()).isEqualTo(Verdict.FAIL);
        AssessmentView expectation = views.stream().filter(v -> v.name().equals("expected_facts")).findFirst()
                .orElseThrow();
        assertThat(expectation.value()).isEqualTo(List.of("fact 1", "fact 2"));
        assertThat(expectation.verdict()).isEqualTo(Verdict.NEUTRAL);
    }

    @Test
    void a_chain_of_overrides_is_history_newest_first() {
        Trace t = turn(1)
                .assessment(feedback("a1", "correctness", "yes").invalid())
                .assessment(feedback("a2", "correctness", "no").invalid().overrides("a1"))
                .assessment(feedback("a3", "correctness", "no").overrides("a2").source("HUMAN", "ana")).build();

        List<AssessmentView> views = classifier.classify(List.of(t)).forTurn("tr-1");

        assertThat(views).singleElement().satisfies(v -> {
            assertThat(v.source()).isEqualTo("HUMAN: ana");
            assertThat(v.history()).extracting(AssessmentView::value).containsExactly("no", "yes");
        });
    }

    @Test
    void scorer_errors_are_listed_and_never_judged() {
        Trace t = turn(1)
                .assessment(feedback("e1", "user_frustration", null).sessionLevel().source("CODE", null)
                        .scorerError("SCORER_ERROR", "rate limited"))
                .assessment(feedback("e2", "correctness", null).scorerError("TIMEOUT", "judge timed out")).build();

        ClassifiedAssessments c = classifier.classify(List.of(t));

        assertThat(c.sessionLevel()).isEmpty();
        assertThat(c.forTurn("tr-1")).isEmpty();
        assertThat(c.scorerErrors()).extracting(e -> e.name() + ":" + e.errorCode() + ":" + e.message())
                .containsExactly("user_frustration:SCORER_ERROR:rate limited", "correctness:TIMEOUT:judge timed out");
    }

    @Test
    void structured_values_are_decoded_json() {
        Trace t = turn(1).assessment(feedback("s", "scores", Map.of("precision", 0.5)))
                .assessment(expectation("x", "expected_response", "The fee is 1.5%")).build();

        List<AssessmentView> views = classifier.classify(List.of(t)).forTurn("tr-1");

        assertThat(views).extracting(AssessmentView::value).containsExactlyInAnyOrder(Map.of("precision", 0.5),
                "The fee is 1.5%");
    }

    @Test
    void every_turn_has_an_entry_even_without_assessments() {
        ClassifiedAssessments c = classifier.classify(List.of(turn(1).build(), turn(2).build()));

        assertThat(c.perTurn()).containsOnlyKeys("tr-1", "tr-2");
    }
}
