package io.sessionlens.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeFormatTest {
    static final Instant T = Instant.parse("2026-03-02T09:00:05.750Z");

    @Test
    void times_are_shown_in_utc_and_say_so() {
        assertThat(TimeFormat.of(T)).isEqualTo("2026-03-02 09:00:05 UTC");
    }

    @Test
    void grid_columns_show_the_minute() {
        assertThat(TimeFormat.minutes(T)).isEqualTo("2026-03-02 09:00");
    }
}
