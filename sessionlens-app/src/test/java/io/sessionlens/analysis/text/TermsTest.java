package io.sessionlens.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void numbers_are_compared_by_value_and_remember_how_they_were_written() {
        assertThat(Terms.numbers("A fee of 2.5% (was 2.50 %) on 1,200 EUR, see step 3 of 2024-01-15"))
                .containsEntry("2.5", "2.5%")
                .containsEntry("1200", "1,200")
                .containsKey("2024")
                .containsKey("15")
                .doesNotContainKey("3");
    }

    @Test
    void a_clock_time_is_one_fact() {
        assertThat(Terms.numbers("Flight at 7:05, back at 19:00")).containsOnlyKeys("07:05", "19:00");
    }

    @Test
    void numbers_in_a_json_tool_result_count_as_facts() {
        assertThat(Terms.numbers("{\"rate\":1.0842,\"converted\":2168.4}")).containsOnlyKeys("1.0842", "2168.4");
        assertThat(
                DistinctiveContent.of("{\"rate\":1.0842,\"converted\":2168.4}", java.util.Set.of(), java.util.Set.of())
                        .reusedBy("At 1.0842, 2,000 USD comes to about €2,168.40."))
                .contains("1.0842", "2168.4");
    }

    @Test
    void content_words_leave_out_function_words_and_short_words() {
        assertThat(Terms.contentWords("What is the international transfer fee for my account?"))
                .containsExactly("international", "transfer", "account");
    }

    @Test
    void rephrased_questions_are_similar_and_different_ones_are_not() {
        assertThat(Terms.similarity("What's the fee for international transfers?",
                "what is the fee for international transfers"))
                .isGreaterThanOrEqualTo(0.6);
        assertThat(Terms.similarity("What's the fee?", "Where is my parcel?")).isLessThan(0.3);
    }

    @Test
    void distinctive_content_ignores_what_the_user_said_and_finds_reuse() {
        DistinctiveContent doc = DistinctiveContent.of(
                "International transfers cost 2.5% and settle within 3 business days via SWIFT.",
                Terms.contentWords("what do international transfers cost?"), Set.of());

        assertThat(doc.reusedBy("As I said, the cost is 2.5% per transfer.")).containsExactly("2.5%");
        assertThat(doc.reusedBy("They settle via SWIFT within business days.")).containsExactly("business", "days",
                "settle", "swift");
        assertThat(doc.reusedBy("International transfers are possible.")).as("only the user's own words").isEmpty();
    }

    @Test
    void turn_lists_read_naturally() {
        assertThat(TurnList.describe(List.of(3))).isEqualTo("turn 3");
        assertThat(TurnList.describe(List.of(4, 5))).isEqualTo("turns 4–5");
        assertThat(TurnList.describe(List.of(1, 3, 6, 7))).isEqualTo("turns 1, 3 and 6–7");
    }
}
