package io.sessionlens.analysis.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LatencyOutliersTest {

    @Test
    void a_turn_over_three_times_the_median_and_over_five_seconds_is_an_outlier() {
        List<Optional<String>> out = LatencyOutliers.of(List.of(2_000L, 2_500L, 30_000L, 1_800L));

        assertThat(out.get(2)).contains("took 30.0 s, over 3× the session's median turn (2.3 s)");
        assertThat(out.stream().filter(Optional::isPresent)).hasSize(1);
    }

    @Test
    void a_slow_turn_under_five_seconds_is_not_worth_flagging() {
        assertThat(LatencyOutliers.of(List.of(100L, 120L, 4_900L))).allMatch(Optional::isEmpty);
    }

    @Test
    void unknown_durations_are_skipped_not_counted_as_zero() {
        List<Optional<String>> out = LatencyOutliers.of(Arrays.asList(null, 2_000L, null, 9_000L, 2_000L));

        assertThat(out).hasSize(5);
        assertThat(out.get(3)).isPresent();
        assertThat(out.get(0)).isEmpty();
        assertThat(LatencyOutliers.of(Arrays.asList(null, null))).allMatch(Optional::isEmpty);
    }
}
