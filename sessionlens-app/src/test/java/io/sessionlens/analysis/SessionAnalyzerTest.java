package io.sessionlens.analysis;

import static io.sessionlens.analysis.testing.TestTraces.feedback;
import static io.sessionlens.analysis.testing.TestTraces.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.signal.SignalKind;
import io.sessionlens.analysis.testing.Fixtures;
import io.sessionlens.analysis.testing.Sessions;
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
        SessionAnalysis a = analyzer.analyze(Sessions.staleFeeDocument());

        RootCause rc = a.rootCause();
        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(3);
        assertThat(rc.kind()).isEqualTo("outdated_retrieval");
        assertThat(rc.chain()).containsExactly(4, 5);
        assertThat(rc.flaggedTurn()).isEqualTo(5);
        assertThat(rc.evidence())
                .startsWith("turn 3: retriever returned doc 'fees-2019.md', marked outdated (status is deprecated; superseded_by fees-2024.md")
                .contains("turns 4–5 repeat its \"2.5%\"")
                .endsWith("the judge flagged turn 5 (correctness = no: 'The fee is 1.5% since 2024, not 2.5%.')");
    }

    @Test
    void the_stale_document_session_shows_each_turns_text_and_evidence() {
        SessionAnalysis a = analyzer.analyze(Sessions.staleFeeDocument());

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
        SessionAnalysis a = analyzer.analyze(Sessions.healthy());

        assertThat(a.rootCause()).isNull();
        assertThat(a.sessionAssessments()).singleElement().satisfies(s -> assertThat(s.verdict()).isEqualTo(Verdict.PASS));
        assertThat(a.turns()).allSatisfy(t -> assertThat(t.signals()).isEmpty());
        assertThat(a.turns()).allSatisfy(t -> assertThat(t.assessments()).extracting(AssessmentView::verdict).containsOnly(Verdict.PASS));
    }

    @Test
    void a_tool_that_failed_before_an_answer_the_user_corrected_is_the_root_cause() {
        SessionAnalysis a = analyzer.analyze(Sessions.failedToolThenCorrection());

        TurnAnalysis t2 = a.turns().get(1);
        assertThat(t2.toolCalls()).singleElement().satisfies(c -> assertThat(c.error()).isEqualTo("order service did not answer within 10 s"));
        assertThat(t2.signals()).extracting(Signal::kind).contains(SignalKind.TOOL_ERROR, SignalKind.USER_CORRECTION);
        RootCause rc = a.rootCause();
        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.kind()).isEqualTo("tool_error");
        assertThat(rc.flaggedTurn()).isEqualTo(2);
        assertThat(rc.evidence()).isEqualTo("turn 2: tool 'get_order_status' failed (order service did not answer within 10 s); "
                + "the user corrected its answer in turn 3: 'That's not what the tracking page says, it says delayed.'");
    }

    @Test
    void a_tool_result_the_assistant_repeated_and_the_user_corrected_is_the_root_cause() {
        Trace t1 = Sessions.ragTurn(1, "What is my balance?", "Your balance is 1,250.00 EUR.", List.of(), Sessions.SYSTEM)
                .span("tool1", "root1", "get_balance", "TOOL").startMs(100).inputs(Map.of("account", "main"))
                .outputs("Balance: 1,250.00 EUR (as of 2025-05-30)").build();
        Trace t2 = Sessions.ragTurn(2, "No, that's wrong, my salary of 3,000 arrived yesterday.", "Sorry, let me refresh your balance.",
                List.<String[]>of(new String[] {"What is my balance?", "Your balance is 1,250.00 EUR."}), Sessions.SYSTEM).build();

        RootCause rc = analyzer.analyze(List.of(t1, t2)).rootCause();

        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.kind()).isEqualTo("tool_error");
        assertThat(rc.evidence()).startsWith("turn 1: tool 'get_balance' returned 'Balance: 1,250.00 EUR (as of 2025-05-30)', which the answer repeated (\"1,250.00\")")
                .endsWith("the user corrected its answer in turn 2: 'No, that's wrong, my salary of 3,000 arrived yesterday.'");
    }

    @Test
    void a_turn_that_errored_points_at_the_span_where_the_error_started() {
        SessionAnalysis a = analyzer.analyze(Sessions.rateLimitedTurn());

        TurnAnalysis t2 = a.turns().get(1);
        assertThat(t2.userText()).isEqualTo("How long does it take?");
        assertThat(t2.assistantText()).isEmpty();
        assertThat(t2.errorSpans()).extracting(ErrorSpan::name).containsExactly("bank_chat", "ChatOpenAI");
        assertThat(t2.signals()).extracting(Signal::detail)
                .contains("the trace ended in state ERROR", "span 'ChatOpenAI' failed: RateLimitError: Rate limit reached for gpt-4o");
        RootCause rc = a.rootCause();
        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.kind()).isEqualTo("error_span");
        assertThat(rc.evidence()).isEqualTo("turn 2: span 'ChatOpenAI' failed: RateLimitError: Rate limit reached for gpt-4o; the trace ended in state ERROR");
    }

    @Test
    void an_answer_that_invents_a_number_its_documents_do_not_contain_is_the_root_cause() {
        SessionAnalysis a = analyzer.analyze(Sessions.inventedRefundWindow());

        assertThat(a.turns().get(1).signals()).extracting(Signal::kind).contains(SignalKind.UNSUPPORTED_CLAIM);
        RootCause rc = a.rootCause();
        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.kind()).isEqualTo("hallucination");
        assertThat(rc.chain()).containsExactly(3);
        assertThat(rc.flaggedTurn()).isEqualTo(3);
        assertThat(rc.evidence()).contains("the answer states 90").contains("turn 3 repeats its \"90\"")
                .endsWith("the judge flagged turn 3 (correctness = no: 'The policy allows 30 days, not 90.')");
    }

    @Test
    void a_failing_groundedness_judge_is_reported_as_a_hallucination() {
        Trace t = Sessions.ragTurn(1, "Is crypto covered by deposit insurance?", "Yes, fully covered.", List.of(), Sessions.SYSTEM)
                .assessment(feedback("g", "retrieval_groundedness", "no").rationale("Nothing in the context says so.")).build();

        RootCause rc = analyzer.analyze(List.of(t)).rootCause();

        assertThat(rc).isNotNull();
        assertThat(rc.kind()).isEqualTo("hallucination");
        assertThat(rc.evidence()).isEqualTo("turn 1: the answer is not grounded in the retrieved documents "
                + "(retrieval_groundedness = no: 'Nothing in the context says so.')");
    }

    @Test
    void a_sliding_window_that_lost_the_budget_explains_a_failing_memory_judge() {
        SessionAnalysis a = analyzer.analyze(Sessions.forgottenBudget());

        ContextWindow w4 = a.turns().get(3).contextWindow();
        assertThat(w4.llmSpanId()).isEqualTo("llm4");
        assertThat(w4.droppedTurns()).containsExactly(1);
        assertThat(w4.earlierTurnsSeen()).isEqualTo(2);
        assertThat(w4.earlierTurnsTotal()).isEqualTo(3);
        assertThat(w4.messagesSeen()).isEqualTo(6);
        assertThat(a.turns().get(2).contextWindow().systemPromptChanged()).isTrue();
        assertThat(a.contextFindings()).extracting(ContextFinding::turn, ContextFinding::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "system_prompt_changed"),
                org.assertj.core.groups.Tuple.tuple(4, "sliding_window"));
        RootCause rc = a.rootCause();
        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(4);
        assertThat(rc.kind()).isEqualTo("context_window");
        assertThat(rc.flaggedTurn()).isNull();
        assertThat(rc.evidence()).startsWith("turn 4: the model saw turns 2–3 but not turn 1 (a sliding window of 6 messages)")
                .contains("the session judge says knowledge_retention = no");
    }

    @Test
    void a_session_judge_without_turn_evidence_points_at_the_turn_its_rationale_names() {
        List<Trace> turns = new ArrayList<>(Sessions.healthy());
        Trace first = turns.getFirst();
        turns.set(0, new Trace(new io.sessionlens.trace.model.TraceInfo(first.traceId(), "7", first.info().requestTime(), 1200L,
                first.info().state(), null, null, null, first.info().metadata(), Map.of(),
                List.of(feedback("uf", "user_frustration", "unresolved").sessionLevel()
                        .rationale("In turn 2 the user wanted Sunday hours and never got them.").build())), first.spans()));

        SessionAnalysis a = analyzer.analyze(turns);

        assertThat(a.rootCause()).isNotNull();
        assertThat(a.rootCause().turn()).isEqualTo(2);
        assertThat(a.rootCause().kind()).isEqualTo("failing_assessment");
        assertThat(a.rootCause().flaggedTurn()).isNull();
        assertThat(a.rootCause().evidence()).isEqualTo(
                "turn 2: the session judge says user_frustration = unresolved: 'In turn 2 the user wanted Sunday hours and never got them.'");
    }

    @Test
    void scorer_errors_are_listed_but_do_not_fail_the_session() {
        Trace t = Sessions.ragTurn(1, "Hi", "Hello! How can I help?", List.of(), Sessions.SYSTEM)
                .assessment(feedback("e", "conversation_completeness", null).sessionLevel().source("CODE", null)
                        .scorerError("SCORER_ERROR", "judge model unavailable")).build();

        SessionAnalysis a = analyzer.analyze(List.of(t));

        assertThat(a.rootCause()).isNull();
        assertThat(a.sessionAssessments()).isEmpty();
        assertThat(a.scorerErrors()).singleElement().isEqualTo(new ScorerError("tr-1", "conversation_completeness", "SCORER_ERROR", "judge model unavailable", true));
        assertThat(a.turns().getFirst().signals()).isEmpty();
    }

    @Test
    void a_judges_fail_overridden_by_a_human_pass_is_history_and_the_session_is_healthy() {
        Trace t = Sessions.ragTurn(1, "Hi", "Hello! How can I help?", List.of(), Sessions.SYSTEM)
                .assessment(feedback("j", "correctness", "no").invalid().rationale("wrong greeting"))
                .assessment(feedback("h", "correctness", "yes").overrides("j").source("HUMAN", "ana@bank.example")).build();

        SessionAnalysis a = analyzer.analyze(List.of(t));

        assertThat(a.rootCause()).isNull();
        assertThat(a.turns().getFirst().assessments()).singleElement().satisfies(v -> {
            assertThat(v.verdict()).isEqualTo(Verdict.PASS);
            assertThat(v.history()).singleElement().satisfies(h -> assertThat(h.rationale()).isEqualTo("wrong greeting"));
        });
    }

    @Test
    void session_level_assessments_are_collected_once_and_not_shown_on_the_first_turn() {
        SessionAnalysis a = analyzer.analyze(Sessions.healthy());

        assertThat(a.sessionAssessments()).extracting(AssessmentView::name).containsExactly("user_frustration");
        assertThat(a.turns().getFirst().assessments()).extracting(AssessmentView::name).containsExactly("relevance_to_query");
    }

    @Test
    void a_user_repeating_a_question_and_a_slow_turn_are_signals_on_the_turns_they_concern() {
        List<Trace> turns = List.of(
                Sessions.ragTurn(1, "How do I reset my online banking password?", "Use the 'Forgot password' link.", List.of(), null).durationMs(2_000L).build(),
                Sessions.ragTurn(2, "Is there a fee for paper statements?", "Yes, 2 euros per month.", List.of(), null).durationMs(2_400L).build(),
                Sessions.ragTurn(3, "how do i reset my online banking password", "Use the 'Forgot password' link on the login page.", List.of(), null).durationMs(31_000L).build());

        SessionAnalysis a = analyzer.analyze(turns);

        assertThat(a.turns().get(0).signals()).extracting(Signal::kind).contains(SignalKind.USER_REPETITION);
        assertThat(a.turns().get(0).signals()).extracting(Signal::detail).anyMatch(d -> d.startsWith("turn 3's user asks this turn's question again"));
        assertThat(a.turns().get(2).signals()).extracting(Signal::kind).contains(SignalKind.LATENCY_OUTLIER);
        assertThat(a.rootCause()).as("a repeat and a slow turn alone are not a failure").isNull();
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
        SessionAnalysis judged = analyzer.analyze(List.of(Fixtures.trace("11-ui-trace-with-session-level-assessment.json")));
        assertThat(judged.sessionAssessments()).extracting(AssessmentView::name).containsExactly("SessionRelevance");
        assertThat(judged.turns().getFirst().assessments()).extracting(AssessmentView::name).containsExactly("Relevance", "Correctness");
    }

    @Test
    void turns_given_out_of_order_are_put_in_request_time_order() {
        List<Trace> reversed = new ArrayList<>(Sessions.staleFeeDocument());
        java.util.Collections.reverse(reversed);

        assertThat(analyzer.analyze(reversed).turns()).extracting(TurnAnalysis::traceId).containsExactly("tr-1", "tr-2", "tr-3", "tr-4", "tr-5");
    }

    @Test
    void odd_data_never_throws() {
        Span garbage = new Span("g", "g", "", 5, 1L, SpanStatus.ERROR, "", Map.of(
                "mlflow.spanInputs", "{not json", "mlflow.spanOutputs", "[[[[", "mlflow.spanType", "\"RETRIEVER\"",
                "mlflow.message.format", "\"gemini\"", "mlflow.chat.messages", "{\"role\": 3}"), List.of());
        Span cycleA = new Span("a", "b", "a", 0, null, SpanStatus.UNSET, "", Map.of("mlflow.spanInputs", "null"), List.of());
        Span cycleB = new Span("b", "a", "b", 0, null, SpanStatus.UNSET, "", Map.of("mlflow.spanOutputs", "{\"documents\": 7}"), List.of());
        Trace odd = turn(1).assessment(feedback("w", "", Map.of("nested", List.of()))).build();
        Trace withGarbage = new Trace(odd.info(), List.of(garbage, cycleA, cycleB));

        SessionAnalysis a = analyzer.analyze(Arrays.asList(null, withGarbage, turn(2).previews("\"", "{").build()));

        assertThat(a.turns()).hasSize(2);
        assertThat(analyzer.analyze(null)).isEqualTo(SessionAnalysis.empty());
        assertThat(analyzer.analyze(List.of())).isEqualTo(SessionAnalysis.empty());
    }

    @Test
    void analyst_settings_change_where_text_is_read_and_what_fails() {
        Trace t = turn(1).span("r", null, "pipeline", "CHAIN").inputs(Map.of("raw", "x")).outputs(Map.of("raw", "y")).done()
                .span("g", "r", "generate", "LLM").inputs(Map.of("question", "Tone check?")).outputs(Map.of("text", "Fine."))
                .done().assessment(feedback("t", "tone", "curt")).build();
        var settings = new AnalysisSettings(List.of(new TurnMapping("generate", "question", "text")),
                PolarityTable.builtIn().with("tone", java.util.Set.of("curt", "rude")));

        SessionAnalysis a = new SessionAnalyzer(settings).analyze(List.of(t));

        assertThat(a.turns().getFirst().userText()).isEqualTo("Tone check?");
        assertThat(a.turns().getFirst().readFrom().source()).isEqualTo("analyst mapping");
        assertThat(a.rootCause()).isNotNull();
        assertThat(a.rootCause().kind()).isEqualTo("failing_assessment");
        assertThat(a.rootCause().evidence()).isEqualTo("turn 1: the judge flagged it (tone = curt)");
    }
}
