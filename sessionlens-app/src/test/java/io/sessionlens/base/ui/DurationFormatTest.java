package io.sessionlens.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationFormatTest {

    @Test
    void durations_use_the_unit_a_person_would_pick() {
        assertThat(DurationFormat.ofNanos(850_000)).isEqualTo("850 µs");
        assertThat(DurationFormat.ofNanos(12_400_000)).isEqualTo("12.4 ms");
        assertThat(DurationFormat.ofNanos(450_000_000)).isEqualTo("450 ms");
        assertThat(DurationFormat.ofNanos(3_214_000_000L)).isEqualTo("3.21 s");
        assertThat(DurationFormat.ofMillis(125_000)).isEqualTo("2 min 05 s");
    }

    @Test
    void a_turn_of_1200_ms_reads_the_same_on_the_session_list_the_session_page_and_the_trace_page() {
        assertThat(DurationFormat.ofMillis(1_200)).isEqualTo("1.20 s");
        assertThat(DurationFormat.ofNanos(1_200_000_000L)).isEqualTo(DurationFormat.ofMillis(1_200));
        assertThat(DurationFormat.ofMillis(850)).isEqualTo("850 ms");
        assertThat(DurationFormat.ofMillis(61_000)).isEqualTo("1 min 01 s");
    }
}
