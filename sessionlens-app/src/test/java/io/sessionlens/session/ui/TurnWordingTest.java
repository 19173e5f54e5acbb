package io.sessionlens.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.ErrorSpan;
import io.sessionlens.analysis.ScorerError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the session page words what the analysis found: once, in sentences. */
class TurnWordingTest {

    @Test
    void the_same_error_on_an_agent_span_and_its_tool_span_is_one_line() {
        var agent = new ErrorSpan("1", "helpdesk_agent", "Server error '503'", "HTTPStatusError", "trace…");
        var tool = new ErrorSpan("2", "reset_token", "Server error '503'", "HTTPStatusError", "trace…");
        var other = new ErrorSpan("3", "audit_log", "disk full", null, null);

        List<TurnCard.ErrorGroup> groups = TurnCard.ErrorGroup.of(List.of(agent, tool, other));

        assertThat(groups).extracting(TurnCard.ErrorGroup::sentence).containsExactly(
                "reset_token (and helpdesk_agent): HTTPStatusError: Server error '503'", "audit_log: disk full");
    }

    @Test
    void findings_of_one_kind_on_consecutive_turns_are_one_line_with_the_turns_as_a_range() {
        List<ContextFinding> findings = List.of(
                new ContextFinding(5, ContextFinding.SLIDING_WINDOW, "turn 5: the model saw turns 2–4 but not turn 1"),
                new ContextFinding(6, ContextFinding.SLIDING_WINDOW, "turn 6: the model saw turns 3–5 but not 1–2"),
                new ContextFinding(6, ContextFinding.SYSTEM_PROMPT_CHANGED, "turn 6: the system prompt changed"),
                new ContextFinding(7, ContextFinding.SLIDING_WINDOW, "turn 7: the model saw turns 4–6 but not 1–3"),
                new ContextFinding(10, ContextFinding.SLIDING_WINDOW, "turn 10: the model saw turns 7–9"));

        List<SessionPanel.FindingGroup> groups = SessionPanel.FindingGroup.of(findings);

        assertThat(groups).extracting(SessionPanel.FindingGroup::turns)
                .containsExactly(List.of(5, 6, 7), List.of(6), List.of(10));
        assertThat(groups.get(0).text()).isEqualTo("the oldest turns were left out of the model's input");
        assertThat(groups.get(1).text()).isEqualTo("the system prompt changed");
    }

    @Test
    void a_scorer_error_reads_as_a_sentence_without_empty_parts() {
        assertThat(SessionPanel.scorerError(new ScorerError("t1", "completeness", "SCORER_ERROR", "too long", true)))
                .isEqualTo("completeness (session) failed with SCORER_ERROR: too long");
        assertThat(SessionPanel.scorerError(new ScorerError("t1", "safety", null, null, false)))
                .isEqualTo("safety failed");
    }
}
