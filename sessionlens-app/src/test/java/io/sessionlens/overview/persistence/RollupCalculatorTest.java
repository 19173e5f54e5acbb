package io.sessionlens.overview.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.overview.persistence.RollupCalculator.SessionFacts;
import io.sessionlens.session.SessionDaysChanged.Day;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What one session adds to its day's rollup: the day of its first turn, verdicts, judges and agreement. */
class RollupCalculatorTest {
    private static final String JUDGES = """
            [{"name":"user_frustration","value":"yes","verdict":"FAIL"},
             {"name":"user_frustration","value":"maybe","verdict":"NEUTRAL"},
             {"name":"completeness","value":"complete","verdict":"PASS"},
             {"name":"tone","value":"curt","verdict":"UNKNOWN"}]""";

    @Test
    void a_session_counts_on_the_utc_day_of_its_first_turn_with_its_kind_turn_and_judges() {
        var calc = new RollupCalculator();
        calc.add(new SessionFacts("e", Instant.parse("2026-03-02T23:59:00Z"), 4, 900, 1, 3, "tool_error", false, null,
                null, JUDGES));
        var day = calc.figures().get(new Day("e", LocalDate.parse("2026-03-02")));
        assertThat(day).containsEntry("sessions", 1L).containsEntry("turns", 4L).containsEntry("tokens", 900L)
                .containsEntry("error_turns", 1L).containsEntry("error_sessions", 1L).containsEntry("root_cause", 1L)
                .containsEntry("kind:tool_error", 1L).containsEntry("rc_turn:3", 1L)
                .containsEntry("judge_eval:user_frustration", 1L).containsEntry("judge_fail:user_frustration", 1L)
                .containsEntry("judge_eval:completeness", 1L).doesNotContainKey("judge_fail:completeness")
                .doesNotContainKey("judge_eval:tone").doesNotContainKey("human");
    }

    @Test
    void a_reviewer_who_finds_no_root_cause_disagrees_with_the_analysis_and_with_a_failing_judge() {
        var calc = new RollupCalculator();
        calc.add(new SessionFacts("e", Instant.parse("2026-03-02T10:00:00Z"), 2, 0, 0, null, null, true, 2,
                "hallucination", JUDGES));
        var day = calc.figures().get(new Day("e", LocalDate.parse("2026-03-02")));
        assertThat(day).containsEntry("human", 1L).doesNotContainKey("human_agree").doesNotContainKey("root_cause")
                .containsEntry("kind_reviewed:hallucination", 1L).doesNotContainKey("kind_agree:hallucination")
                .containsEntry("judge_reviewed:user_frustration", 1L)
                .containsEntry("judge_disagree:user_frustration", 1L)
                .containsEntry("judge_reviewed:completeness", 1L).doesNotContainKey("judge_disagree:completeness");
    }

    @Test
    void a_confirmed_verdict_agrees_and_a_moved_one_agrees_on_nothing_but_its_kind() {
        var calc = new RollupCalculator();
        calc.add(new SessionFacts("e", Instant.parse("2026-03-02T10:00:00Z"), 3, 0, 0, 2, "tool_error", true, 2,
                "tool_error", null));
        calc.add(new SessionFacts("e", Instant.parse("2026-03-02T11:00:00Z"), 3, 0, 0, 3, "tool_error", true, 2,
                "tool_error", null));
        calc.add(new SessionFacts("e", Instant.parse("2026-03-02T12:00:00Z"), 3, 0, 0, 2, "other", true, 2,
                "tool_error", null));
        var day = calc.figures().get(new Day("e", LocalDate.parse("2026-03-02")));
        assertThat(day).containsEntry("human", 3L).containsEntry("human_agree", 1L)
                .containsEntry("human_agree_turn", 2L).containsEntry("kind_reviewed:tool_error", 3L)
                .containsEntry("kind_agree:tool_error", 1L);
    }

    @Test
    void an_unreadable_judge_list_counts_as_no_judges() {
        assertThat(RollupCalculator.judges("not json")).isEmpty();
        assertThat(RollupCalculator.judges(null)).isEmpty();
    }
}
