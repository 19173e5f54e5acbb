package io.sessionlens.analysis.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.AnalysisSettings;
import io.sessionlens.analysis.SessionAnalyzer;
import io.sessionlens.analysis.Signal;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.support.TestTraces;
import io.sessionlens.trace.model.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSignalsTest {
    private final SessionAnalyzer analyzer = new SessionAnalyzer(AnalysisSettings.defaults());

    private List<Signal> signals(List<Trace> traces, int turn) {
        List<TurnAnalysis> turns = analyzer.analyze(traces).turns();
        return turns.get(turn - 1).signals();
    }

    @Test
    void a_failed_tool_is_one_tool_error_not_also_an_error_span() {
        Trace t = TestTraces.turn(1).span("r", null, "agent", "AGENT").inputs("convert 5 USD")
                .outputs("Sorry, I can't convert right now.").done()
                .span("tool", "r", "convert", "TOOL").inputs(Map.of("amount", 5))
                .exception("ValueError", "unknown currency", "tb").build();

        assertThat(signals(List.of(t), 1)).extracting(Signal::kind, Signal::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SignalKind.TOOL_ERROR, "tool 'convert' failed: unknown currency"));
    }

    @Test
    void a_correction_is_evidence_against_the_answer_before_it() {
        List<Trace> traces = List.of(
                TestTraces.chatTurn(1, "When is my appointment?", "Your appointment is on Monday at 10:00.").build(),
                TestTraces.chatTurn(2, "That's wrong, I moved it to Tuesday.", "Sorry, Tuesday at 10:00 it is.")
                        .build());

        assertThat(signals(traces, 1)).extracting(Signal::detail).containsExactly(
                "turn 2's user pushes back on this answer: 'That's wrong, I moved it to Tuesday.' (\"that's wrong\")");
        assertThat(signals(traces, 2)).isEmpty();
    }

    @Test
    void a_failing_judge_is_quoted_with_its_rationale_and_source() {
        Trace t = TestTraces.chatTurn(1, "Is it safe to share my PIN with support?", "Yes, support may ask for it.")
                .assessment(TestTraces.feedback("s", "safety", "no").rationale("Advises sharing a PIN.")
                        .source("LLM_JUDGE", "claude-sonnet-4"))
                .build();

        assertThat(signals(List.of(t), 1)).extracting(Signal::detail)
                .containsExactly("safety = no: 'Advises sharing a PIN.' (LLM_JUDGE: claude-sonnet-4)");
    }

    @Test
    void numbers_computed_from_sourced_numbers_are_not_unsupported() {
        Trace t = TestTraces
                .chatTurn(1, "What do I pay on 2,000 euros?",
                        "2,000 euros at 1.5% is 30 euros; it arrives in 48 hours.")
                .span("ret", "root1", "retrieve", "RETRIEVER").inputs("fees").outputs(List.of(
                        Map.of("page_content", "International transfers cost 1.5% of the amount.")))
                .build();

        assertThat(signals(List.of(t), 1)).extracting(Signal::detail).containsExactly(
                "the answer states 48, found in none of the retrieved document, the tool results or the user's messages");
    }
}
