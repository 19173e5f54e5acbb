package io.sessionlens.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolarityTableTest {
    private final PolarityTable table = PolarityTable.builtIn();

    @ParameterizedTest
    @CsvSource({
            "user_frustration, none, PASS", "user_frustration, resolved, NEUTRAL", "user_frustration, unresolved, FAIL",
            "user_frustration, yes, PASS",
            "conversation_completeness, yes, PASS", "conversation_completeness, no, FAIL",
            "knowledge_retention, no, FAIL", "conversational_safety, no, FAIL", "conversational_guidelines, Yes, PASS",
            "correctness, no, FAIL", "relevance_to_query, yes, PASS", "retrieval_groundedness, no, FAIL",
            "retrieval_relevance, no, FAIL", "retrieval_sufficiency, yes, PASS", "safety, no, FAIL",
            "guidelines, no, FAIL",
            "tool_call_correctness, no, FAIL", "tool_call_efficiency, yes, PASS",
            "correctness, maybe, UNKNOWN", "correctness, partially, UNKNOWN"})
    void mlflow_built_in_judges_are_read_by_their_value(String judge, String value, Verdict verdict) {
        assertThat(table.verdict(judge, value)).isEqualTo(verdict);
    }

    @Test
    void yes_no_judges_accept_booleans() {
        assertThat(table.verdict("correctness", true)).isEqualTo(Verdict.PASS);
        assertThat(table.verdict("safety", false)).isEqualTo(Verdict.FAIL);
    }

    @ParameterizedTest
    @CsvSource({"my_judge, yes, PASS", "my_judge, PASS, PASS", "my_judge, no, FAIL", "my_judge, Fail, FAIL",
            "Thumbs, up, PASS", "Thumbs, down, FAIL", "my_judge, meh, UNKNOWN"})
    void unknown_judges_use_the_common_words(String judge, String value, Verdict verdict) {
        assertThat(table.verdict(judge, value)).isEqualTo(verdict);
    }

    @ParameterizedTest
    @CsvSource({"5, PASS", "4, PASS", "3, UNKNOWN", "2, FAIL", "1.5, FAIL", "0.8, PASS", "0.49, FAIL", "0, FAIL",
            "1, PASS",
            "7, PASS", "6, UNKNOWN", "40, UNKNOWN", "85, PASS", "350, UNKNOWN", "-1, UNKNOWN"})
    void a_lone_number_is_read_on_the_smallest_scale_that_holds_it_whose_middle_is_ambiguous(String value,
            Verdict verdict) {
        assertThat(table.verdict("Relevance", new java.math.BigDecimal(value))).isEqualTo(verdict);
        assertThat(table.verdict("Relevance", value)).as("the same number written as a string").isEqualTo(verdict);
    }

    @ParameterizedTest
    @CsvSource({"faithfulness, FAIL, FAIL", "answer_quality, PASS, PASS", "helpfulness_score, Failed, FAIL",
            "frustration_level, unresolved, FAIL", "frustration_level, resolved, NEUTRAL", "hallucinations, none, PASS",
            "answer_quality, teilweise, UNKNOWN"})
    void any_judge_name_with_a_value_whose_meaning_mlflow_defines(String judge, String value, Verdict verdict) {
        assertThat(table.verdict(judge, value)).isEqualTo(verdict);
        assertThat(table.verdict(judge, false)).isEqualTo(Verdict.FAIL);
        assertThat(table.verdict(judge, true)).isEqualTo(Verdict.PASS);
    }

    @Test
    void a_number_is_read_on_the_scale_the_judge_used_in_the_session() {
        PolarityTable.Observed oneToFive = PolarityTable.Observed.of(List.of(4, 1, 5));
        assertThat(table.verdict("helpfulness", 1, oneToFive)).as("1 of 5").isEqualTo(Verdict.FAIL);
        assertThat(table.verdict("helpfulness", 1, null)).as("a lone 1 may be a 0-1 score").isEqualTo(Verdict.PASS);
        assertThat(table.verdict("helpfulness", 2, oneToFive)).isEqualTo(Verdict.FAIL);
        assertThat(table.verdict("helpfulness", 3, oneToFive)).isEqualTo(Verdict.UNKNOWN);
        PolarityTable.Observed zeroToTen = PolarityTable.Observed.of(List.of(9, 0, 7));
        assertThat(table.verdict("overall", 9, zeroToTen)).isEqualTo(Verdict.PASS);
        assertThat(table.verdict("overall", 2, zeroToTen)).as("2 of 10, not 2 of 5").isEqualTo(Verdict.FAIL);
        assertThat(table.verdict("overall", 4, PolarityTable.Observed.of(List.of(8, 9, 4)))).as("4 of 10, not 4 of 5")
                .isEqualTo(Verdict.FAIL);
        assertThat(table.verdict("overall", 5, zeroToTen)).isEqualTo(Verdict.UNKNOWN);
        assertThat(table.verdict("score", 0.3, PolarityTable.Observed.of(List.of(0.3, 0.9)))).isEqualTo(Verdict.FAIL);
    }

    @ParameterizedTest
    @CsvSource({"4/5, PASS", "2/5, FAIL", "3/5, UNKNOWN", "9 / 10, PASS", "3/10, FAIL", "0/5, FAIL"})
    void a_score_with_its_scale_written_out(String value, Verdict verdict) {
        assertThat(table.verdict("rating", value)).isEqualTo(verdict);
    }

    @Test
    void structured_or_missing_values_cannot_be_judged() {
        assertThat(table.verdict("my_judge", Map.of("score", 1))).isEqualTo(Verdict.UNKNOWN);
        assertThat(table.verdict("my_judge", List.of("a"))).isEqualTo(Verdict.UNKNOWN);
        assertThat(table.verdict("correctness", null)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void an_analyst_override_decides_for_that_judge_only_and_leaves_the_original_unchanged() {
        PolarityTable custom = table.with("tone", Set.of("harsh", "rude")).with("user_frustration",
                Set.of("resolved", "unresolved"));

        assertThat(custom.verdict("Tone", "Rude")).isEqualTo(Verdict.FAIL);
        assertThat(custom.verdict("tone", "warm")).isEqualTo(Verdict.PASS);
        assertThat(custom.verdict("user_frustration", "resolved")).isEqualTo(Verdict.FAIL);
        assertThat(custom.verdict("correctness", "no")).isEqualTo(Verdict.FAIL);
        assertThat(table.verdict("user_frustration", "resolved")).isEqualTo(Verdict.NEUTRAL);
    }

    @Test
    void an_override_compares_numbers_by_value() {
        PolarityTable custom = table.with("stars", Set.of("1", "2.0"));

        assertThat(custom.verdict("stars", 2)).isEqualTo(Verdict.FAIL);
        assertThat(custom.verdict("stars", 1.0)).isEqualTo(Verdict.FAIL);
        assertThat(custom.verdict("stars", 4)).isEqualTo(Verdict.PASS);
    }
}
