package io.sessionlens.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Percentiles read from the summed latency histogram. */
class OverviewServiceTest {
    @Test
    void the_median_and_p95_interpolate_inside_the_bucket_the_rank_falls_in() {
        Map<String, Long> m = new HashMap<>();
        m.put(Metrics.LATENCY + Metrics.latencyBucket(50), 50L);     // 0–100 ms
        m.put(Metrics.LATENCY + Metrics.latencyBucket(1200), 50L);   // 1,000–1,500 ms
        var l = OverviewService.latency(m);
        assertThat(l.turns()).isEqualTo(100);
        assertThat(l.medianMs()).isEqualTo(100);   // rank 50: the top of the first bucket
        assertThat(l.p95Ms()).isEqualTo(1450);     // rank 95: 45 of the 50 in 1,000–1,500
    }

    @Test
    void the_open_last_bucket_reads_as_its_lower_bound_and_no_turns_as_none() {
        assertThat(OverviewService.latency(Map.of(Metrics.LATENCY + Metrics.latencyBucket(500_000), 3L)).p95Ms())
                .isEqualTo(120_000);
        assertThat(OverviewService.latency(Map.of()).medianMs()).isNull();
    }

    @Test
    void a_period_parses_presets_and_days_and_names_what_it_cannot_read() {
        assertThat(OverviewPeriod.parse(null, null, null, null).period().preset())
                .isEqualTo(OverviewPeriod.Preset.LAST_30_DAYS);
        var p = OverviewPeriod.parse(" e ", "7d", null, null).period();
        assertThat(p.experimentId()).isEqualTo("e");
        assertThat(p.resolve(java.time.LocalDate.parse("2026-03-10"), null))
                .containsExactly(java.time.LocalDate.parse("2026-03-04"), java.time.LocalDate.parse("2026-03-10"));
        assertThat(OverviewPeriod.parse(null, "week", "x", null).problems()).hasSize(2);
    }
}
