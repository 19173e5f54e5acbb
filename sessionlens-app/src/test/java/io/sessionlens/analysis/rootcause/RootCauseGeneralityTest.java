package io.sessionlens.analysis.rootcause;

import static io.sessionlens.support.TestTurn.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.PolarityTable;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.support.TestTurn;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evidence model on sessions it was not written for (decision 011, probe results): other judge names and value
 * scales, other languages, other units. The verdict of each judge here comes from {@link PolarityTable}, as in the
 * analyzer, so a test fails when the verdict depends on the judge's name.
 */
class RootCauseGeneralityTest {

    private static AssessmentView sessionJudge(String name, String value, String rationale) {
        return new AssessmentView(name, value, rationale, "LLM_JUDGE: gpt-4o", null, Verdict.FAIL, true, List.of());
    }

    private static RootCause rootCause(List<TurnAnalysis> turns, AssessmentView... sessionJudges) {
        return RootCauseFinder.find(turns, List.of(sessionJudges)).rootCause();
    }

    @Test
    void a_german_session_with_a_503_and_an_invented_flight_code_is_blamed_on_the_tool_turn() {
        var turns = session(
                new TestTurn(1, "Finde mir den günstigsten Flug von Lissabon nach Tokio am 3. Mai.",
                        "Der günstigste Flug ist QX4471 über Frankfurt für 512 EUR.")
                        .tool("FlugSuche", null, "HTTP 503 Service Unavailable")
                        .rated("antwortqualitaet", "PASS", null, "Passt."),
                new TestTurn(2, "Bitte buche QX4471.", "Gebucht! Buchungsnummer ZK9P2M für QX4471, 512 EUR."),
                new TestTurn(3, "Ich sehe ZK9P2M nirgends.", "Buchungen erscheinen erst nach einigen Minuten.")
                        .rated("antwortqualitaet", "FAIL", null,
                                "QX4471 wurde nach dem 503-Fehler der Flugsuche erfunden."));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.TOOL_ERROR);
        assertThat(rc.chain()).containsExactly(2, 3);
        assertThat(rc.flaggedTurn()).isEqualTo(3);
        assertThat(rc.evidence()).contains("FlugSuche").contains("QX4471");
    }

    @Test
    void a_judge_named_faithfulness_with_value_FAIL_is_a_failure() {
        var turns = session(
                new TestTurn(1, "Which regions do you support?", "We run in eu-west-1 and us-east-1.")
                        .doc("regions", "Regions: eu-west-1, us-east-1.", false)
                        .rated("faithfulness", "PASS", null, "Supported."),
                new TestTurn(2, "Is failover automatic across regions?",
                        "Yes, failover across regions completes within 45 seconds.")
                        .doc("regions", "Regions: eu-west-1, us-east-1.", false)
                        .rated("faithfulness", "FAIL", null, "Nothing retrieved supports the 45-second failover."));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.HALLUCINATION);
        assertThat(rc.chain()).isEmpty();
        assertThat(rc.flaggedTurn()).isEqualTo(2);
    }

    @Test
    void a_helpfulness_two_of_five_whose_rationale_names_a_made_up_number_is_evidence_and_a_lone_one_would_be_too() {
        PolarityTable.Observed scale = PolarityTable.Observed.of(List.of(5, 4, 2, 1));
        var turns = session(
                new TestTurn(1, "What is the API rate limit on Pro?", "Pro allows 1,000 requests per minute.")
                        .doc("limits", "Pro: 1,000 requests per minute.", false)
                        .rated("helpfulness", 5, scale, "Complete."),
                new TestTurn(2, "And the burst limit?", "Bursts of up to 4,750 requests are allowed for 10 seconds.")
                        .doc("limits", "Pro: 1,000 requests per minute.", false)
                        .rated("helpfulness", 4, scale, "Useful."),
                new TestTurn(3, "So I can send 4,750 at once?", "Yes, 4,750 requests at once are fine.")
                        .rated("helpfulness", 2, scale, "The 4,750 burst figure appears in no documentation."),
                new TestTurn(4, "Thanks.", "You're welcome.").rated("helpfulness", 1, scale, "Unhelpful closing."));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).as("the turn that made up 4,750, not the flagged turn").isEqualTo(2);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.HALLUCINATION);
        assertThat(rc.chain()).contains(3);
        assertThat(rc.flaggedTurn()).isEqualTo(3);
        assertThat(PolarityTable.builtIn().verdict("helpfulness", 1, scale)).as("1 of a 1-5 judge")
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void a_zero_to_ten_rating_of_nine_is_no_evidence_beside_unsourced_facts() {
        PolarityTable.Observed scale = PolarityTable.Observed.of(List.of(9, 8));
        var turns = session(
                new TestTurn(1, "How do I connect?", "Use port 5432 on host db.example.com.").rated("overall", 9, scale,
                        "Good."),
                new TestTurn(2, "Thanks!", "Glad to help.").rated("overall", 8, scale, "Good."));
        RootCauseFinder.Result r = RootCauseFinder.find(turns, List.of());
        assertThat(r.rootCause()).isNull();
        assertThat(r.note()).startsWith("every judge passed");
    }

    @Test
    void a_spanish_session_whose_answer_restates_an_outdated_page_in_its_own_words_is_an_outdated_retrieval() {
        var turns = session(
                new TestTurn(1, "¿Cuántos días tengo para devolver un artículo?",
                        "Tienes **60 días** desde la entrega para devolverlo.")
                        .doc("returns-2019", "Items may be returned within 60 days of delivery.", true)
                        .doc("returns-sale", "Sale items can be returned within 30 days.", false),
                new TestTurn(2, "Compré una chaqueta hace 45 días, ¿puedo devolverla?",
                        "Sí, 45 días está dentro del plazo de 60 días.")
                        .rated("calidad", false, null,
                                "El plazo actual es de 30 días; los 60 días vienen de una página obsoleta."));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(1);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.OUTDATED_RETRIEVAL);
        assertThat(rc.chain()).containsExactly(2);
        assertThat(rc.flaggedTurn()).isEqualTo(2);
    }

    @Test
    void a_number_under_another_word_in_an_earlier_turn_is_not_its_source() {
        var turns = session(
                new TestTurn(1, "How many pots are in stock?", "We have 14 pots in stock.").tool("stock",
                        "{\"pots\": 14}", null),
                new TestTurn(2, "When can you deliver?", "Delivery on 14 March.").rated("correct", "no", null,
                        "No delivery date exists."));
        RootCause rc = rootCause(turns);
        assertThat(rc.turn()).isEqualTo(2);
        assertThat(rc.kind()).isEqualTo(RootCauseKind.HALLUCINATION);
        assertThat(rc.flaggedTurn()).isEqualTo(2);
        assertThat(rc.chain()).isEmpty();
    }

    @Test
    void a_german_re_ask_behind_a_lead_in_after_a_sliding_window_is_not_a_context_loss() {
        var turns = session(
                new TestTurn(1, "Wie lange dauert der Standardversand?", "Der Standardversand dauert 3–5 Werktage."),
                new TestTurn(2, "Verfallen Geschenkkarten?", "Nein, Geschenkkarten verfallen nie.").window(1),
                new TestTurn(3, "Kann ich die Lieferadresse ändern?", "Ja, solange nicht gepackt wurde.").window(2, 1),
                new TestTurn(4, "Noch eine Frage vom Team: Wie lange dauert der Standardversand?",
                        "Der Standardversand dauert 3–5 Werktage.")
                        .window(3, 1, 2)
                        .rated("note", 0.3, PolarityTable.Observed.of(List.of(0.3, 0.9)), "Weighted rubric score."));
        RootCause rc = rootCause(turns);
        assertThat(rc.kind()).isNotEqualTo(RootCauseKind.CONTEXT_LOSS);
        assertThat(rc.turn()).isEqualTo(4);
        assertThat(rc.flaggedTurn()).isEqualTo(4);
        assertThat(rc.chain()).isEmpty();
    }
}
