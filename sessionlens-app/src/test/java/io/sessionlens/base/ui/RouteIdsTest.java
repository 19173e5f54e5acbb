package io.sessionlens.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteIdsTest {

    @Test
    void ids_with_slashes_spaces_and_plus_signs_survive_a_round_trip() {
        for (String id : new String[]{"trace:/main.agents/00cc01", "team-a/chat 7", "a+b", "100%", "plain-id"}) {
            assertThat(RouteIds.decode(RouteIds.encode(id))).as(id).isEqualTo(id);
        }
    }

    @Test
    void a_space_is_escaped_as_percent_20_and_a_slash_as_percent_2f() {
        assertThat(RouteIds.encode("a b/c?d")).isEqualTo("a%20b%2Fc%3Fd");
    }

    @Test
    void an_id_the_browser_sent_unescaped_is_taken_as_it_is() {
        assertThat(RouteIds.decode("a+b")).isEqualTo("a+b");
        assertThat(RouteIds.decode("50%-off")).isEqualTo("50%-off");
    }
}
