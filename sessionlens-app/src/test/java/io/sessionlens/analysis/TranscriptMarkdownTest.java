package io.sessionlens.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.TestSessions;
import io.sessionlens.support.TestTraces;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptMarkdownTest {
    private final SessionAnalyzer analyzer = new SessionAnalyzer(AnalysisSettings.defaults());

    @Test
    void a_failed_session_starts_with_its_root_cause_then_every_turn_in_order() {
        String md = TranscriptMarkdown.render("session-1", analyzer.analyze(TestSessions.staleFeeDocument()));

        assertThat(md).startsWith(
                "# Session session-1\n\n**Root cause (outdated document, confidence 81 %):** turn 3: the answer took "
                        + "\"2.5%\" from 'fees-2019.md'");
        assertThat(md).contains("Also considered:\n\n- turn 5: ");
        assertThat(md.lines().filter(l -> l.startsWith("## ")).toList())
                .containsExactly("## Turn 1", "## Turn 2", "## Turn 3", "## Turn 4", "## Turn 5");
        assertThat(md).contains("**User:**\n\n> What fee will I pay on an international transfer?\n");
        assertThat(md)
                .contains("**Assistant:**\n\n> Correct: 25 plus 12.50 euros, both at the 2.5% rate, is 37.50 euros.\n");
        assertThat(md).contains(
                "- **correctness** = no (FAIL, LLM_JUDGE: gpt-4o)\n  > The fee is 1.5% since 2024, not 2.5%.\n");
        assertThat(md).contains("- Outdated document: retrieved 'fees-2019.md'");   // the kind in words, not its key
    }

    @Test
    void a_healthy_session_says_so_and_lists_session_assessments_with_rationale() {
        String md = TranscriptMarkdown.render("s-ok", analyzer.analyze(TestSessions.healthy()));

        assertThat(md).contains("No root cause: every judge passed; no error went unrecovered");
        assertThat(md).contains(
                "## Session assessments\n\n- **user_frustration** = none (PASS, LLM_JUDGE: gpt-4o)\n  > The user got what they needed.\n");
    }

    @Test
    void multi_line_text_stays_inside_the_quote_and_empty_text_is_marked() {
        var t = TestTraces.turn(1).span("r", null, "chat", "CHAIN").inputs("# not a heading\nsecond line").outputs("")
                .build();

        String md = TranscriptMarkdown.render("s", analyzer.analyze(List.of(t)));

        assertThat(md).contains("> # not a heading\n> second line\n");
        assertThat(md).contains("**Assistant:**\n\n> _(no text)_\n");
        assertThat(md.lines().filter(l -> l.startsWith("#"))).containsExactly("# Session s", "## Turn 1");
    }

    @Test
    void scorer_errors_and_overridden_assessments_are_shown() {
        var t = TestTraces.turn(1).span("r", null, "chat", "CHAIN").inputs("hi").outputs("hello").done()
                .assessment(TestTraces.feedback("j", "correctness", "no").invalid())
                .assessment(TestTraces.feedback("h", "correctness", "yes").overrides("j").source("HUMAN", "ana"))
                .assessment(TestTraces.feedback("e", "safety", null).scorerError("SCORER_ERROR", "judge down")).build();

        String md = TranscriptMarkdown.render("s", analyzer.analyze(List.of(t)));

        assertThat(md).contains("## Scorer errors\n\n- safety on tr-1: SCORER_ERROR judge down\n");
        assertThat(md).contains("- **correctness** = yes (PASS, HUMAN: ana)\n  - overrides no (LLM_JUDGE: gpt-4o)\n");
    }
}
