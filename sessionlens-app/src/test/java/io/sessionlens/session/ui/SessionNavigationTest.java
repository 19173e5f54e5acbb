package io.sessionlens.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionNavigationTest {

    @Test
    void session_links_escape_slashes_and_spaces_in_both_ids() {
        assertThat(SessionNavigation.sessionUrl("exp 1", "team-a/chat-7"))
                .isEqualTo("sessions/exp%201/team-a%2Fchat-7");
        assertThat(SessionNavigation.turnUrl("1", "s", 3)).isEqualTo("sessions/1/s?turn=3");
        assertThat(SessionNavigation.transcriptUrl("1", "team-a/chat-7"))
                .isEqualTo("api/sessions/team-a%2Fchat-7/transcript.md?experimentId=1");
    }

    @Test
    void the_trace_page_gets_the_same_session_link() {
        assertThat(new SessionLinksForTraces().sessionUrl("exp-1", "s/1"))
                .isEqualTo(SessionNavigation.sessionUrl("exp-1", "s/1"));
    }
}
