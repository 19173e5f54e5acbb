package io.sessionlens.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Percent agreement and Cohen's kappa on examples worked out by hand. */
class AgreementTest {

    /** {@code n} copies of one pair of ratings. */
    static List<List<@Nullable String>> times(int n, String a, String b) {
        return new ArrayList<>(Collections.nCopies(n, List.of(a, b)));
    }

    @Test
    void kappa_of_the_textbook_example_is_0_4() {
        // 50 items: both yes 20, A yes / B no 5, A no / B yes 10, both no 15. po = 35/50 = 0.7; A says yes 25/50,
        // B says yes 30/50, so pe = 0.5 × 0.6 + 0.5 × 0.4 = 0.5; kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4.
        List<List<@Nullable String>> ratings = new ArrayList<>();
        ratings.addAll(times(20, "yes", "yes"));
        ratings.addAll(times(5, "yes", "no"));
        ratings.addAll(times(10, "no", "yes"));
        ratings.addAll(times(15, "no", "no"));
        Agreement a = Agreement.of("q", ratings);
        assertThat(a.items()).isEqualTo(50);
        assertThat(a.agreed()).isEqualTo(35);
        assertThat(a.percent()).isCloseTo(70.0, within(1e-9));
        assertThat(a.kappa()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void three_categories_turns_and_no_root_cause() {
        // (3,3), (3,1), (none,none): po = 2/3; A: 3 ×2, none ×1; B: 3, 1, none once each;
        // pe = 2/3 × 1/3 + 1/3 × 1/3 = 1/3; kappa = (2/3 − 1/3) / (2/3) = 0.5.
        Agreement a = Agreement.of("root-cause turn",
                List.of(List.of("3", "3"), List.of("3", "1"), List.of("none", "none")));
        assertThat(a.percent()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(a.kappa()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void complete_disagreement_is_negative_and_chance_only_agreement_is_undefined() {
        assertThat(Agreement.cohensKappa(List.of("a", "b"), List.of("b", "a"))).isCloseTo(-1.0, within(1e-9));
        // both raters always said "a": nothing to tell agreement from chance
        assertThat(Agreement.of("q", List.of(List.of("a", "a"), List.of("a", "a"))).kappa()).isNull();
        assertThat(Agreement.of("q", List.of(List.of("a", "a"), List.of("a", "a"))).percent()).isEqualTo(100.0);
    }

    @Test
    void unanswered_items_are_left_out_and_three_raters_get_percent_only() {
        List<@Nullable String> missing = new ArrayList<>();
        missing.add("a");
        missing.add(null);
        Agreement a = Agreement.of("q", List.of(missing, List.of("a", "b")));
        assertThat(a.items()).isEqualTo(1);
        assertThat(a.percent()).isEqualTo(0.0);
        Agreement three = Agreement.of("q", List.of(List.of("a", "a", "a"), List.of("a", "b", "a")));
        assertThat(three.percent()).isEqualTo(50.0);
        assertThat(three.kappa()).isNull();
        assertThat(Agreement.of("q", List.of()).percent()).isNull();
    }
}
