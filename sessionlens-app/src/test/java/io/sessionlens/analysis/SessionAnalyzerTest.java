package io.sessionlens.analysis;

import static io.sessionlens.support.TestTraces.feedback;
import static io.sessionlens.support.TestTraces.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.signal.SignalKind;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.TestSessions;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionAnalyzerTest {
    private final SessionAnalyzer analyzer = new SessionAnalyzer(AnalysisSettings.defaults());

    @Test
    void a_stale_document_three_turns_before_the_judges_flag_is_the_root_cause() {
        SessionAnalysis a = analyzer.analyze(TestSessions.staleFeeDocument());

        RootCause rc = a.rootCause();
        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(3);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.OUTDATED_RETRIEVAL);
        assertThat(rc.chain()).containsExactly(4, 5);
        assertThat(rc.flaggedTurn()).isEqualTo(5);
        assertThat(rc.evidence())
                .startsWith(
                        "turn 3: the answer took \"2.5%\" from 'fees-2019.md', which its metadata marks outdated (status is deprecated; superseded by fees-2024.md")
                .contains("turns 4–5 repeat it")
                .endsWith("a judge flagged turn 5 (correctness = no: 'The fee is 1.5% since 2024, not 2.5%.')");
        assertThat(rc.candidates()).extracting(RootCause.Candidate::turn).first().isEqualTo(3);
        assertThat(rc.confidence()).isGreaterThan(0.5);
    }

    @Test
    void the_stale_document_session_shows_each_turns_text_and_evidence() {
        SessionAnalysis a = analyzer.analyze(TestSessions.staleFeeDocument());

        assertThat(a.turns()).extracting(TurnAnalysis::index).containsExactly(1, 2, 3, 4, 5);
        TurnAnalysis t3 = a.turns().get(2);
        assertThat(t3.userText()).isEqualTo("What fee will I pay on an international transfer?");
        assertThat(t3.assistantText()).startsWith("International transfers carry a 2.5% fee");
        assertThat(t3.readFrom().source()).isEqualTo("root span");
        assertThat(t3.readFrom().inputKey()).isEqualTo("query");
        assertThat(t3.readFrom().outputKey()).isEqualTo("answer");
        assertThat(t3.retrievedDocuments()).singleElement().satisfies(d -> assertThat(d.outdated()).isTrue());
        assertThat(t3.signals()).extracting(Signal::kind).contains(SignalKind.OUTDATED_DOCUMENT);
        assertThat(a.turns().get(4).signals()).extracting(Signal::kind).contains(SignalKind.FAILING_ASSESSMENT);
        assertThat(a.turns().get(4).contextWindow().droppedTurns()).isEmpty();
        assertThat(a.turns().get(4).contextWindow().earlierTurnsSeen()).isEqualTo(4);
        assertThat(a.contextFindings()).isEmpty();
    }

    @Test
    void a_healthy_session_has_no_root_cause_and_no_failure_signals() {
        SessionAnalysis a = analyzer.analyze(TestSessions.healthy());

        assertThat(a.rootCause()).isNull();
        assertThat(a.sessionAssessments()).singleElement()
                .satisfies(s -> assertThat(s.verdict()).isEqualTo(Verdict.PASS));
        assertThat(a.turns()).allSatisfy(t -> assertThat(t.signals()).isEmpty());
        assertThat(a.turns()).allSatisfy(
                t -> assertThat(t.assessments()).extracting(AssessmentView::verdict).containsOnly(Verdict.PASS));
    }

    @Test
    void a_tool_that_failed_before_an_answer_the_user_corrected_is_the_root_cause() {
        SessionAnalysis a = analyzer.analyze(TestSessions.failedToolThenCorrection());

        TurnAnalysis t2 = a.turns().get(1);
        assertThat(t2.toolCalls()).singleElement()
                .satisfies(c -> assertThat(c.error()).isEqualTo("order service did not answer within 10 s"));
        assertThat(t2.signals()).extracting(Signal::kind).contains(SignalKind.TOOL_ERROR, SignalKind.USER_CORRECTION);
        RootCause rc = a.rootCause();
        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.TOOL_ERROR);
        assertThat(rc.flaggedTurn()).as("the user's pushback is evidence, not a judge's flag").isNull();
        assertThat(rc.evidence())
                .isEqualTo("turn 2: tool 'get_order_status' failed (order service did not answer within 10 s) and the "
                        + "answer went on without it; turn 3's user pushes back on this answer: 'That's not what the tracking page says, it says "
                        + "delayed.' (\"that's not what\")");
    }

    @Test
    void a_user_follow_up_that_reads_like_a_correction_is_no_root_cause_without_negative_evidence() {
        Trace t1 = TestSessions
                .ragTurn(1, "What is my balance?", "Your balance is 1,250.00 EUR.", List.of(), TestSessions.SYSTEM)
                .span("tool1", "root1", "get_balance", "TOOL").startMs(100).inputs(Map.of("account", "main"))
                .outputs("Balance: 1,250.00 EUR (as of 2025-05-30)").build();
        Trace t2 = TestSessions.ragTurn(2, "No, that's wrong, my salary of 3,000 arrived yesterday.",
                "Sorry, let me refresh your balance.",
                List.<String[]>of(new String[]{"What is my balance?", "Your balance is 1,250.00 EUR."}),
                TestSessions.SYSTEM).build();

        SessionAnalysis a = analyzer.analyze(List.of(t1, t2));

        // the balance came from the tool as it was then; new money arriving is not an error of turn 1 (decision 011)
        assertThat(a.rootCause()).isNull();
        assertThat(a.diagnosisNote()).contains("1 user follow-up that reads like a correction")
                .contains("treated as benign");
    }

    @Test
    void real_fixtures_are_analysed_as_one_turn_sessions() {
        for (String f : List.of("01-v3-trace-to-dict-mlflow34-simple.json", "05-v2-trace-export.json",
                "06-ui-v3-trace-openinference-otel.json", "07-ui-v3-trace-with-assessment.json",
                "11-ui-trace-with-session-level-assessment.json")) {
            SessionAnalysis a = analyzer.analyze(List.of(Fixtures.trace(f)));
            assertThat(a.turns()).as(f).singleElement().satisfies(t -> assertThat(t.signals()).as(f).isEmpty());
            assertThat(a.rootCause()).as(f).isNull();
        }
        SessionAnalysis otel = analyzer.analyze(List.of(Fixtures.trace("06-ui-v3-trace-openinference-otel.json")));
        assertThat(otel.turns().getFirst().toolCalls()).extracting(ToolCall::name).containsExactly("calculate");
        SessionAnalysis judged = analyzer
                .analyze(List.of(Fixtures.trace("11-ui-trace-with-session-level-assessment.json")));
        // its session-level judge names session-123, and this trace belongs to no session: not this trace's judge
        assertThat(judged.sessionAssessments()).isEmpty();
        assertThat(judged.turns().getFirst().assessments()).extracting(AssessmentView::name)
                .containsExactly("Relevance", "Correctness");
    }

    @Test
    void turns_given_out_of_order_are_put_in_request_time_order() {
        List<Trace> reversed = new ArrayList<>(TestSessions.staleFeeDocument());
        java.util.Collections.reverse(reversed);

        assertThat(analyzer.analyze(reversed).turns()).extracting(TurnAnalysis::traceId).containsExactly("tr-1", "tr-2",
                "tr-3", "tr-4", "tr-5");
    }

    @Test
    void odd_data_never_throws() {
        Span garbage = new Span("g", "g", "", 5, 1L, SpanStatus.ERROR, "", Map.of(
                "mlflow.spanInputs", "{not json", "mlflow.spanOutputs", "[[[[", "mlflow.spanType", "\"RETRIEVER\"",
                "mlflow.message.format", "\"gemini\"", "mlflow.chat.messages", "{\"role\": 3}"), List.of());
        Span cycleA = new Span("a", "b", "a", 0, null, SpanStatus.UNSET, "", Map.of("mlflow.spanInputs", "null"),
                List.of());
        Span cycleB = new Span("b", "a", "b", 0, null, SpanStatus.UNSET, "",
                Map.of("mlflow.spanOutputs", "{\"documents\": 7}"), List.of());
        Trace odd = turn(1).assessment(feedback("w", "", Map.of("nested", List.of()))).build();
        Trace withGarbage = new Trace(odd.info(), List.of(garbage, cycleA, cycleB));

        SessionAnalysis a = analyzer.analyze(Arrays.asList(null, withGarbage, turn(2).previews("\"", "{").build()));

        assertThat(a.turns()).hasSize(2);
        assertThat(analyzer.analyze(null)).isEqualTo(SessionAnalysis.empty());
        assertThat(analyzer.analyze(List.of())).isEqualTo(SessionAnalysis.empty());
    }

    @Test
    void analyst_settings_change_where_text_is_read_and_what_fails() {
        Trace t = turn(1).span("r", null, "pipeline", "CHAIN").inputs(Map.of("raw", "x")).outputs(Map.of("raw", "y"))
                .done()
                .span("g", "r", "generate", "LLM").inputs(Map.of("question", "Tone check?"))
                .outputs(Map.of("text", "Fine."))
                .done().assessment(feedback("t", "tone", "curt")).build();
        var settings = new AnalysisSettings(List.of(new TurnMapping("generate", "question", "text")),
                PolarityTable.builtIn().with("tone", java.util.Set.of("curt", "rude")));

        SessionAnalysis a = new SessionAnalyzer(settings).analyze(List.of(t));

        assertThat(a.turns().getFirst().userText()).isEqualTo("Tone check?");
        assertThat(a.turns().getFirst().readFrom().source()).isEqualTo("analyst mapping");
        assertThat(a.rootCause()).isNotNull();
        assertThat(a.rootCause().kind()).isEqualTo(RootCauseKind.OTHER);
        assertThat(a.rootCause().evidence()).isEqualTo("turn 1: a judge flagged the answer (tone = curt)");
    }
}
