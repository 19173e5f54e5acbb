package io.sessionlens.demodata.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProtoTimeTest {

    @Test
    void timestamps_have_0_3_6_or_9_fraction_digits_like_protobuf_json() {
        assertThat(ProtoTime.timestamp(Instant.parse("2025-10-22T04:14:54.524Z")))
                .isEqualTo("2025-10-22T04:14:54.524Z");
        assertThat(ProtoTime.timestamp(Instant.parse("2025-10-22T04:14:54Z"))).isEqualTo("2025-10-22T04:14:54Z");
        assertThat(ProtoTime.timestamp(Instant.parse("2025-10-22T04:14:54.000120Z")))
                .isEqualTo("2025-10-22T04:14:54.000120Z");
        assertThat(ProtoTime.timestamp(Instant.parse("2025-10-22T04:14:54.000000007Z")))
                .isEqualTo("2025-10-22T04:14:54.000000007Z");
    }

    @Test
    void durations_are_seconds_with_millisecond_fractions() {
        assertThat(ProtoTime.duration(32_583)).isEqualTo("32.583s");
        assertThat(ProtoTime.duration(2_000)).isEqualTo("2s");
        assertThat(ProtoTime.duration(45)).isEqualTo("0.045s");
    }
}
