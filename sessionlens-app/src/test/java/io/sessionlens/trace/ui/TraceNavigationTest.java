package io.sessionlens.trace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceNavigationTest {

    @Test
    void trace_urls_are_relative_and_encode_what_is_not_url_safe() {
        assertThat(TraceNavigation.traceUrl("tr-0123abcd")).isEqualTo("traces/tr-0123abcd");
        assertThat(TraceNavigation.traceUrl("tr-1", "00f1")).isEqualTo("traces/tr-1?span=00f1");
        assertThat(TraceNavigation.traceUrl("a b/c?d")).isEqualTo("traces/a%20b%2Fc%3Fd");
    }
}
