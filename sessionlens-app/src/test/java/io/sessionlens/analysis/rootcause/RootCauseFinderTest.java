package io.sessionlens.analysis.rootcause;

import static io.sessionlens.support.TestTurn.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.analysis.signal.SignalKind;
import io.sessionlens.support.TestTurn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evidence model (decision 011) on hand-made turns, without reading any trace. */
class RootCauseFinderTest {

    private static AssessmentView sessionJudge(String name, String value, String rationale) {
        return new AssessmentView(name, value, rationale, "LLM_JUDGE: gpt-4o", null, Verdict.FAIL, true, List.of());
    }

    private static RootCause rootCause(List<TurnAnalysis> turns, AssessmentView... sessionJudges) {
        return RootCauseFinder.find(turns, List.of(sessionJudges)).rootCause();
    }

    @Test
    void a_session_where_every_judge_passed_has_no_root_cause_and_says_why() {
        var turns = session(
                new TestTurn(1, "How long does shipping take?", "3–5 business days.").judge("correctness", "yes",
                        Verdict.PASS, "Right."),
                new TestTurn(2, "Again: how long does shipping take?", "Happy to repeat: 3–5 business days.")
                        .judge("correctness", "yes", Verdict.PASS, "Right.")
                        .signal(SignalKind.USER_CORRECTION, "\"again\""));
        turns = new ArrayList<>(turns);
        RootCauseFinder.Result r = RootCauseFinder.find(turns, List.of());
        assertThat(r.rootCause()).isNull();
        assertThat(r.note()).startsWith("every judge passed").contains("treated as benign");
    }

    @Test
    void a_tool_failure_recovered_by_a_retry_is_benign() {
        var turns = session(new TestTurn(1, "Where is order SF-1?", "Order SF-1 ships with DHL on Thursday.")
                .tool("get_order", null, "timeout")
                .tool("get_order", "{\"carrier\":\"DHL\",\"eta\":\"Thursday\"}", null));
        RootCauseFinder.Result r = RootCauseFinder.find(turns, List.of());
        assertThat(r.rootCause()).isNull();
        assertThat(r.note()).contains("1 tool failure recovered by a retry");
    }

    @Test
    void a_tool_failure_covered_by_made_up_facts_is_the_root_cause_even_when_a_later_turn_is_flagged() {
        var turns = session(
                new TestTurn(1, "Find me the cheapest flight from Lisbon to Tokyo on May 3.",
                        "The cheapest is TAP TP1234 via Frankfurt for €512.")
                        .tool("search_flights", null, "upstream returned 503")
                        .judge("correctness", "yes", Verdict.PASS, "Fine."),
                new TestTurn(2, "Book TP1234 please.", "Booked! Reference VX7Q2L for TP1234, €512."),
                new TestTurn(3, "I don't see VX7Q2L.", "Bookings take a few minutes to appear.")
                        .judge("correctness", "no", Verdict.FAIL,
                                "TP1234 was invented after the search failed with a 503."));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.TOOL_ERROR);
        assertThat(rc.flaggedTurn()).isEqualTo(3);
        assertThat(rc.chain()).containsExactly(2, 3);
        assertThat(rc.evidence()).contains("search_flights").contains("TP1234").contains("a judge flagged turn 3");
        assertThat(rc.candidates()).extracting(RootCause.Candidate::turn).startsWith(1).contains(3);
    }

    @Test
    void an_outdated_document_whose_facts_the_answer_used_is_the_root_cause_without_any_judge() {
        var turns = session(
                new TestTurn(1, "How many days do I have to return an item?", "You have 60 days to return an item.")
                        .doc("returns-2019", "Items may be returned within 60 days of delivery.", true)
                        .doc("returns-sale", "Sale items can be returned within 30 days.", false),
                new TestTurn(2, "I bought a jacket 45 days ago, can I return it?",
                        "Yes, 45 days is within the 60-day window."));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.OUTDATED_RETRIEVAL);
        assertThat(rc.chain()).containsExactly(2);
        assertThat(rc.flaggedTurn()).isNull();
    }

    @Test
    void an_outdated_document_the_answer_did_not_use_is_benign() {
        var turns = session(new TestTurn(1, "How many days do I have to return a sale item?", "Sale items: 30 days.")
                .doc("returns-2019", "Items may be returned within 60 days of delivery.", true)
                .doc("returns-sale", "Sale items can be returned within 30 days.", false));
        RootCauseFinder.Result r = RootCauseFinder.find(turns, List.of());
        assertThat(r.rootCause()).isNull();
        assertThat(r.note()).contains("1 outdated document the answer did not use");
    }

    @Test
    void an_ambiguous_judge_beside_a_made_up_fact_is_read_as_the_origin_of_the_later_flag() {
        var turns = session(
                new TestTurn(1, "Which payment methods do you accept?", "Visa and PayPal.")
                        .doc("payments", "Accepted: Visa, PayPal.", false)
                        .judge("factual_accuracy", "partially", Verdict.UNKNOWN, "Fine, could add a tip."),
                new TestTurn(2, "Is travel insurance included?",
                        "Yes, every booking includes medical insurance up to €50,000.")
                        .doc("insurance", "Optional travel insurance can be bought.", false)
                        .judge("factual_accuracy", "partially", Verdict.UNKNOWN, "Partly right."),
                new TestTurn(3, "So I need no other insurance?", "Correct, the included €50,000 cover is enough.")
                        .judge("correctness", "no", Verdict.FAIL, "No insurance is included with bookings."));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.HALLUCINATION);
        assertThat(rc.chain()).containsExactly(3);
        assertThat(rc.flaggedTurn()).isEqualTo(3);
    }

    @Test
    void a_fact_from_no_source_that_no_judge_questioned_is_weak_and_makes_no_root_cause() {
        var turns = session(new TestTurn(1, "Can I connect with psql?", "Yes: psql -h db.example.io -p 5432.")
                .doc("connect", "Connect with any PostgreSQL client.", false)
                .judge("correctness", "yes", Verdict.PASS, "Fine."));
        assertThat(rootCause(turns)).isNull();
    }

    @Test
    void a_change_of_mind_is_not_a_correction() {
        var turns = session(
                new TestTurn(1, "Book the Saturday maintenance window.", "Booked window mw-5521 on Saturday 02:00 UTC.")
                        .tool("schedule", "{\"window_id\":\"mw-5521\",\"day\":\"Saturday\"}", null),
                new TestTurn(2, "Actually, make it Sunday instead.", "Moved: window mw-5522 on Sunday 02:00 UTC.")
                        .tool("schedule", "{\"window_id\":\"mw-5522\",\"day\":\"Sunday\"}", null)
                        .signal(SignalKind.USER_CORRECTION, "\"actually\""));
        assertThat(rootCause(turns)).isNull();
    }

    @Test
    void a_lost_fact_is_blamed_on_the_turn_whose_input_dropped_it_not_on_the_first_wrong_answer() {
        var turns = session(
                new TestTurn(1, "I'm asking about order SF-33107, a birthday gift.",
                        "Happy to help with order SF-33107."),
                new TestTurn(2, "Can I return sale items?", "Yes, within 30 days.").window(1),
                new TestTurn(3, "Can I change the address?", "Yes, until it is packed.").window(2, 1),
                new TestTurn(4, "Will it arrive before Saturday?", "Could you give me the order number?")
                        .window(3, 1, 2)
                        .judge("correctness", "no", Verdict.FAIL, "The user had already given the order number."),
                new TestTurn(5, "I already told you, it's SF-33107!", "Sorry! SF-33107 arrives on Friday.").window(4, 1,
                        2, 3));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(3);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.CONTEXT_LOSS);
        assertThat(rc.chain()).containsExactly(4);
        assertThat(rc.flaggedTurn()).isEqualTo(4);
        assertThat(rc.evidence()).contains("SF-33107").contains("turn 1");
    }

    @Test
    void a_re_ask_of_a_question_that_left_the_window_is_not_a_context_loss() {
        var turns = session(
                new TestTurn(1, "How long does standard shipping take?", "3–5 business days."),
                new TestTurn(2, "Do gift cards expire?", "No, never.").window(1),
                new TestTurn(3, "What payment methods do you accept?", "Visa and PayPal.").window(2, 1),
                new TestTurn(4, "Again: how long does standard shipping take?", "Happy to repeat: 3–5 business days.")
                        .window(3, 1));
        assertThat(rootCause(turns)).isNull();
    }

    @Test
    void a_judge_flag_that_nothing_earlier_explains_is_its_own_root_cause_of_kind_other_with_a_reason() {
        var turns = session(
                new TestTurn(1, "Can I bring my surfboard?", "Seats can be chosen at check-in.")
                        .judge("relevance_to_query", "no", Verdict.FAIL, "The answer is about seats, not surfboards."));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.OTHER);
        assertThat(rc.reason()).isNotBlank();
        assertThat(rc.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void a_failure_with_an_unrecovered_error_and_no_answer_is_a_root_cause() {
        var turns = session(
                new TestTurn(1, "Reset my MFA.", "").tool("mfa_resync", null, "HTTP 503").signal(SignalKind.ERROR_STATE,
                        "the trace ended in state ERROR"));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.TOOL_ERROR);
    }
}
