package io.sessionlens.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.TurnMapping;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExperimentSettingsTest {
    static final TurnMapping ANSWER = new TurnMapping("answer", "question", "text");
    static final TurnMapping CHAT = new TurnMapping("chat", "", "");

    @Test
    void a_new_mapping_goes_first_and_replaces_the_one_for_the_same_span() {
        var settings = new ExperimentSettings("exp-1", List.of(CHAT, ANSWER), Map.of("tone", Set.of("curt")));
        var newer = new TurnMapping("answer", "q", "a");

        var next = settings.withMapping(newer);

        assertThat(next.mappings()).containsExactly(newer, CHAT);
        assertThat(next.failingValues()).isEqualTo(settings.failingValues());
    }

    @Test
    void failing_values_are_set_per_judge_and_an_empty_set_restores_the_built_in_rule() {
        var settings = new ExperimentSettings("exp-1", List.of(CHAT),
                Map.of("tone", Set.of("curt"), "style", Set.of("dull")));

        var next = settings.withFailingValues(Map.of("tone", Set.of(), "relevance", Set.of("partially")));

        assertThat(next.failingValues()).isEqualTo(Map.of("style", Set.of("dull"), "relevance", Set.of("partially")));
        assertThat(next.mappings()).containsExactly(CHAT);
    }
}
