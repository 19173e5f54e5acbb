package io.sessionlens.analysis.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.ContextWindow;
import io.sessionlens.analysis.ReadFrom;
import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.Signal;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.analysis.signal.SignalKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The root-cause rules on hand-made turns, without reading any trace. */
class RootCauseFinderTest {

    private static final class T {
        final int index;
        final String user;
        final String answer;
        final List<AssessmentView> assessments = new ArrayList<>();
        final List<ToolCall> tools = new ArrayList<>();
        final List<RetrievedDocument> docs = new ArrayList<>();
        final List<Signal> signals = new ArrayList<>();

        T(int index, String user, String answer) {
            this.index = index;
            this.user = user;
            this.answer = answer;
        }

        T judge(String name, String value, Verdict verdict, String rationale) {
            assessments.add(new AssessmentView(name, value, rationale, "LLM_JUDGE: gpt-4o", null, verdict, false, List.of()));
            return this;
        }

        T tool(String name, String result, String error) {
            tools.add(new ToolCall("s", name, "{}", result, error));
            if (error != null) signals.add(new Signal(SignalKind.TOOL_ERROR, "tool '" + name + "' failed: " + error));
            return this;
        }

        T signal(String kind, String detail) {
            signals.add(new Signal(kind, detail));
            return this;
        }

        TurnAnalysis build() {
            return new TurnAnalysis(index, "tr-" + index, user, answer, false, new ReadFrom(null, null, "", "", "text", "root span"),
                    assessments, List.of(), tools, docs, ContextWindow.unknown(index - 1), signals);
        }
    }

    private static List<TurnAnalysis> session(T... turns) {
        return java.util.Arrays.stream(turns).map(T::build).toList();
    }

    private static AssessmentView sessionJudge(String name, String value, String rationale) {
        return new AssessmentView(name, value, rationale, "LLM_JUDGE: gpt-4o", null, Verdict.FAIL, true, List.of());
    }

    @Test
    void evidence_without_a_failure_is_not_a_root_cause() {
        T t1 = new T(1, "Rate?", "I could not fetch the rate.").tool("get_rate", null, "timeout");
        t1.docs.add(new RetrievedDocument("r", "d", "old.md", null, "old", Map.of("status", "deprecated"), true, "status is deprecated"));

        assertThat(RootCauseFinder.find(session(t1, new T(2, "Ok, thanks.", "You're welcome.")), List.of(), List.of())).isNull();
    }

    @Test
    void an_earlier_tool_error_that_nothing_later_builds_on_is_not_blamed() {
        var turns = session(
                new T(1, "What is the EUR rate?", "Sorry, I could not reach the rates service.").tool("get_rate", null, "timeout"),
                new T(2, "Then tell me the branch hours.", "Branches open at 10:00 on Sundays.")
                        .judge("correctness", "no", Verdict.FAIL, "Branches are closed on Sundays."));

        RootCause rc = RootCauseFinder.find(turns, List.of(), List.of());

        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.kind()).isEqualTo("failing_assessment");
        assertThat(rc.evidence()).isEqualTo("turn 2: the judge flagged it (correctness = no: 'Branches are closed on Sundays.')");
    }

    @Test
    void the_first_failure_decides_the_flagged_turn_and_later_answers_building_on_it_form_the_chain() {
        var turns = session(
                new T(1, "Which plan do I have?", "You are on the Gold plan with 40 GB of data.")
                        .judge("correctness", "no", Verdict.FAIL, "The user has the Silver plan."),
                new T(2, "How much data is left?", "Of your 40 GB, 12 GB are left this month."),
                new T(3, "Can I upgrade?", "You already have our largest plan.")
                        .judge("correctness", "no", Verdict.FAIL, "Gold is not the largest plan."));

        RootCause rc = RootCauseFinder.find(turns, List.of(), List.of());

        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.flaggedTurn()).isEqualTo(1);
        assertThat(rc.chain()).containsExactly(2);
        assertThat(rc.evidence()).isEqualTo("turn 1: the judge flagged it (correctness = no: 'The user has the Silver plan.'); turn 2 builds on its answer");
    }

    @Test
    void a_correction_with_no_other_evidence_is_its_own_root_cause() {
        var turns = session(
                new T(1, "Book me a table for Friday.", "Booked for Thursday evening.")
                        .signal(SignalKind.USER_CORRECTION, "turn 2's user pushes back on this answer"),
                new T(2, "I said Friday!", "Sorry, moved to Friday."));

        RootCause rc = RootCauseFinder.find(turns, List.of(), List.of());

        assertThat(rc).isNotNull();
        assertThat(rc.kind()).isEqualTo("user_correction");
        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.evidence()).isEqualTo("turn 1: the user corrected its answer in turn 2: 'I said Friday!'");
    }

    @Test
    void answers_that_keep_repeating_a_corrected_figure_are_the_chain() {
        var turns = session(
                new T(1, "What is the late fee?", "The late fee is 35 euros per missed payment.")
                        .signal(SignalKind.USER_CORRECTION, "x"),
                new T(2, "That's wrong, the letter says 25.", "I understand, but the late fee is 35 euros."),
                new T(3, "Please check again.", "I checked: 35 euros per missed payment."));

        RootCause rc = RootCauseFinder.find(turns, List.of(), List.of());

        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.chain()).containsExactly(2, 3);
        assertThat(rc.evidence()).endsWith("; turns 2–3 build on its answer");
    }

    @Test
    void a_session_judge_that_names_no_turn_is_shown_at_the_last_turn() {
        var turns = session(new T(1, "Hi", "Hello"), new T(2, "Bye", "Goodbye"));

        RootCause rc = RootCauseFinder.find(turns, List.of(sessionJudge("conversation_completeness", "no", "The user's goal was not met.")), List.of());

        assertThat(rc).isNotNull();
        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.flaggedTurn()).isNull();
        assertThat(rc.evidence()).isEqualTo("turn 2: the session judge says conversation_completeness = no: 'The user's goal was not met.'"
                + " (no turn-level evidence, so the last turn is shown)");
    }

    @Test
    void a_session_judge_is_explained_by_a_failed_tool_but_not_by_a_weak_signal_it_does_not_echo() {
        var turns = session(
                new T(1, "Rates?", "The rate is 1.0842.").signal(SignalKind.UNSUPPORTED_CLAIM, "the answer states 1.0842"),
                new T(2, "Send 100 EUR to Tom.", "").tool("send_money", null, "HTTP 500"),
                new T(3, "Did it work?", "I am not sure."));
        AssessmentView judge = sessionJudge("user_frustration", "unresolved", "The transfer never happened and the user gave up.");

        RootCause rc = RootCauseFinder.find(turns, List.of(judge), List.of());

        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.kind()).isEqualTo("tool_error");
        assertThat(rc.flaggedTurn()).as("the error turn is the first visible failure").isEqualTo(2);
    }

    @Test
    void a_session_judges_rationale_that_repeats_a_made_up_number_points_at_it() {
        var t1 = new T(1, "Rates?", "The rate is 1.0842.");
        t1.docs.add(new RetrievedDocument("r", "d", "rates.md", null, "EUR/USD 1.0711", Map.of(), false, null));
        t1.signal(SignalKind.UNSUPPORTED_CLAIM, "the answer states 1.0842, found in none of the retrieved document");
        var turns = session(t1, new T(2, "Thanks", "Bye"));
        AssessmentView judge = sessionJudge("conversation_completeness", "no", "The quoted rate 1.0842 was never in the sources.");

        RootCause rc = RootCauseFinder.find(turns, List.of(judge), List.of());

        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.kind()).isEqualTo("hallucination");
        assertThat(rc.flaggedTurn()).isNull();
    }

    @Test
    void lost_context_explains_only_failures_about_memory() {
        List<ContextFinding> window = List.of(new ContextFinding(3, "sliding_window", "turn 3: the model saw turn 2 but not turn 1"));
        var wrongFact = session(new T(1, "My budget is 300.", "Noted."), new T(2, "From Berlin.", "Ok."),
                new T(3, "Book it.", "Booked for 489 euros.").judge("correctness", "no", Verdict.FAIL, "Wrong airport."));
        var forgotten = session(new T(1, "My budget is 300.", "Noted."), new T(2, "From Berlin.", "Ok."),
                new T(3, "Book it.", "Booked for 489 euros.").signal(SignalKind.USER_CORRECTION, "x"),
                new T(4, "I told you my budget is 300!", "Sorry."));

        assertThat(RootCauseFinder.find(wrongFact, List.of(), window).kind()).isEqualTo("failing_assessment");
        RootCause rc = RootCauseFinder.find(forgotten, List.of(), window);
        assertThat(rc.kind()).isEqualTo("context_window");
        assertThat(rc.turn()).isEqualTo(3);
        assertThat(rc.evidence()).isEqualTo("turn 3: the model answered without context it needed (from turn 3 on: "
                + "the model saw turn 2 but not turn 1); the user corrected its answer in turn 4: 'I told you my budget is 300!'");
    }

    @Test
    void lost_context_is_blamed_on_the_first_answer_that_needed_it_not_on_the_first_short_window() {
        List<ContextFinding> window = List.of(new ContextFinding(2, "sliding_window", "turn 2: the model saw no earlier turn"));
        var forgotten = session(new T(1, "I use a MacBook.", "Noted."), new T(2, "Any news?", "None."),
                new T(3, "Lunch menu?", "Pasta."),
                new T(4, "How do I install the VPN?", "Open Software Center on Windows.").signal(SignalKind.USER_CORRECTION, "x"),
                new T(5, "I told you I'm on a Mac!", "Sorry."));

        RootCause rc = RootCauseFinder.find(forgotten, List.of(), window);

        assertThat(rc.turn()).isEqualTo(4);
        assertThat(rc.kind()).isEqualTo("context_window");
        assertThat(rc.evidence()).contains("from turn 2 on: the model saw no earlier turn");
    }

    @Test
    void an_error_turn_without_an_answer_fails_the_session_even_without_error_state() {
        var turns = session(new T(1, "Convert 100 USD", "").tool("convert", null, "ValueError: unknown currency"));

        RootCause rc = RootCauseFinder.find(turns, List.of(), List.of());

        assertThat(rc).isNotNull();
        assertThat(rc.kind()).isEqualTo("tool_error");
        assertThat(rc.evidence()).isEqualTo("turn 1: tool 'convert' failed (ValueError: unknown currency); "
                + "the trace produced no answer (tool 'convert' failed: ValueError: unknown currency)");
    }
}
