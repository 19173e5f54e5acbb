package io.sessionlens.analysis.context;

import static io.sessionlens.support.TestTraces.msg;
import static io.sessionlens.support.TestTraces.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.ContextWindow;
import io.sessionlens.analysis.context.ContextWindowCheck.Exchange;
import io.sessionlens.trace.model.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextWindowCheckTest {

    private static final List<Exchange> TURNS = List.of(
            new Exchange("My name is Ada and I live in Graz.", "Nice to meet you, Ada!"),
            new Exchange("Which branch is closest to me?", "The Graz Hauptplatz branch is closest."),
            new Exchange("When does it open?", "It opens at 9:00 on weekdays."));

    /** An LLM call for the last turn, given these messages. */
    private static List<LlmCall> call(String spanId, Object... messages) {
        Trace t = turn(3).span(spanId, null, "llm", "CHAT_MODEL").inputs(Map.of("messages", List.of(messages)))
                .outputs("x").build();
        return LlmCall.of(t);
    }

    private static ContextWindowCheck.Result check(List<LlmCall> lastTurnCalls) {
        List<List<LlmCall>> calls = new ArrayList<>(List.of(List.of(), List.of()));
        calls.add(lastTurnCalls);
        return ContextWindowCheck.check(TURNS, calls);
    }

    @Test
    void full_history_is_seen_and_nothing_is_reported() {
        var r = check(call("l3", msg("system", "Be helpful."), msg("user", TURNS.get(0).userText()),
                msg("assistant", TURNS.get(0).assistantText()),
                msg("user", TURNS.get(1).userText()), msg("assistant", TURNS.get(1).assistantText()),
                msg("user", TURNS.get(2).userText())));

        ContextWindow w = r.windows().get(2);
        assertThat(w.llmSpanId()).isEqualTo("l3");
        assertThat(w.messagesSeen()).isEqualTo(6);
        assertThat(w.earlierTurnsSeen()).isEqualTo(2);
        assertThat(w.earlierTurnsTotal()).isEqualTo(2);
        assertThat(w.droppedTurns()).isEmpty();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void turns_without_an_llm_call_have_an_unknown_window() {
        var r = check(List.of());

        assertThat(r.windows()).containsExactly(ContextWindow.unknown(0), ContextWindow.unknown(1),
                ContextWindow.unknown(2));
    }

    @Test
    void a_summary_in_place_of_earlier_turns_is_found() {
        var r = check(call("l3", msg("system", "Be helpful."),
                msg("assistant", "Summary of the conversation so far: the user is Ada from Graz."),
                msg("user", TURNS.get(1).userText()), msg("assistant", TURNS.get(1).assistantText()),
                msg("user", TURNS.get(2).userText())));

        assertThat(r.windows().get(2).summaryInserted()).isTrue();
        assertThat(r.windows().get(2).droppedTurns()).containsExactly(1);
        assertThat(r.findings()).extracting(ContextFinding::kind).containsExactly("sliding_window", "summary_inserted");
        assertThat(r.findings().get(1).detail())
                .startsWith("turn 3: the model's input holds a summary in place of earlier turns: 'Summary of");
    }

    @Test
    void an_assistant_message_no_earlier_turn_said_counts_as_inserted() {
        var r = check(call("l3", msg("user", TURNS.get(0).userText()),
                msg("assistant", "Ada prefers branches with parking and opens accounts online."),
                msg("user", TURNS.get(2).userText())));

        assertThat(r.windows().get(2).summaryInserted()).isTrue();
        assertThat(r.findings()).extracting(ContextFinding::detail)
                .anyMatch(d -> d
                        .startsWith("turn 3: the model's input holds an assistant message that no earlier turn said"));
    }

    @Test
    void history_sent_twice_is_duplicated() {
        var r = check(call("l3", msg("user", TURNS.get(0).userText()), msg("assistant", TURNS.get(0).assistantText()),
                msg("user", TURNS.get(0).userText()), msg("assistant", TURNS.get(0).assistantText()),
                msg("user", TURNS.get(1).userText()), msg("assistant", TURNS.get(1).assistantText()),
                msg("user", TURNS.get(2).userText())));

        assertThat(r.windows().get(2).duplicatedHistory()).isTrue();
        assertThat(r.findings()).extracting(ContextFinding::detail)
                .containsExactly(
                        "turn 3: turn 1's user message appears 2 times in the model's input: 'My name is Ada and I live in Graz.'");
    }

    @Test
    void a_user_who_really_asked_the_same_thing_twice_is_not_duplicated_history() {
        List<Exchange> turns = List.of(new Exchange("What time is it in Tokyo?", "It is 21:00 in Tokyo."),
                new Exchange("What time is it in Tokyo?", "Still about 21:00 in Tokyo."),
                new Exchange("Thanks!", "You're welcome."));
        Trace t = turn(3).span("l3", null, "llm", "CHAT_MODEL").inputs(List.of(
                msg("user", "What time is it in Tokyo?"), msg("assistant", "It is 21:00 in Tokyo."),
                msg("user", "What time is it in Tokyo?"), msg("assistant", "Still about 21:00 in Tokyo."),
                msg("user", "Thanks!"))).build();

        var r = ContextWindowCheck.check(turns, List.of(List.of(), List.of(), LlmCall.of(t)));

        assertThat(r.windows().get(2).duplicatedHistory()).isFalse();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void a_missing_turn_in_the_middle_is_a_gap_not_a_window() {
        var r = check(call("l3", msg("user", TURNS.get(0).userText()), msg("assistant", TURNS.get(0).assistantText()),
                msg("user", TURNS.get(2).userText())));

        assertThat(r.windows().get(2).droppedTurns()).containsExactly(2);
        assertThat(r.findings()).extracting(ContextFinding::kind, ContextFinding::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("history_gap", "turn 3: the model saw turn 1 but not turn 2"));
    }

    @Test
    void an_app_that_never_passes_history_is_reported_once() {
        List<List<LlmCall>> calls = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Trace t = turn(n).span("l" + n, null, "llm", "LLM")
                    .inputs(List.of(msg("user", TURNS.get(n - 1).userText()))).build();
            calls.add(LlmCall.of(t));
        }

        var r = ContextWindowCheck.check(TURNS, calls);

        assertThat(r.findings()).extracting(ContextFinding::turn, ContextFinding::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "no_history"));
        assertThat(r.windows().get(2).droppedTurns()).containsExactly(1, 2);
    }

    @Test
    void a_completion_prompt_that_embeds_the_history_as_text_counts_as_seen() {
        String prompt = "Conversation:\nUser: " + TURNS.get(0).userText() + "\nBot: " + TURNS.get(0).assistantText()
                + "\nUser: " + TURNS.get(1).userText() + "\nBot: " + TURNS.get(1).assistantText() + "\nUser: "
                + TURNS.get(2).userText();
        Trace t = turn(3).span("p", null, "complete", "LLM").inputs(prompt).outputs("It opens at 9:00.").build();

        var r = ContextWindowCheck.check(TURNS, List.of(List.of(), List.of(), LlmCall.of(t)));

        assertThat(r.windows().get(2).earlierTurnsSeen()).isEqualTo(2);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void the_main_call_is_the_last_one_and_a_changed_system_prompt_is_reported() {
        List<List<LlmCall>> calls = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String system = n == 3 ? "You are a sales agent. Push premium accounts." : "You are a branch assistant.";
            List<Object> messages = new ArrayList<>(List.of(msg("system", system)));
            for (int k = 0; k < n - 1; k++) {
                messages.add(msg("user", TURNS.get(k).userText()));
                messages.add(msg("assistant", TURNS.get(k).assistantText()));
            }
            messages.add(msg("user", TURNS.get(n - 1).userText()));
            Trace t = turn(n).span("router" + n, null, "route", "LLM")
                    .inputs(List.of(msg("user", TURNS.get(n - 1).userText()))).done()
                    .span("main" + n, null, "answer", "CHAT_MODEL").startMs(300).inputs(Map.of("messages", messages))
                    .build();
            calls.add(LlmCall.of(t));
        }

        var r = ContextWindowCheck.check(TURNS, calls);

        assertThat(r.windows()).extracting(ContextWindow::llmSpanId).containsExactly("main1", "main2", "main3");
        assertThat(r.windows()).extracting(ContextWindow::systemPromptChanged).containsExactly(false, false, true);
        assertThat(r.findings()).extracting(ContextFinding::kind).containsExactly("system_prompt_changed");
        assertThat(r.findings().getFirst().detail()).isEqualTo("turn 3: the system prompt changed since turn 2: "
                + "'You are a branch assistant.' → 'You are a sales agent. Push premium accounts.'");
    }

    @Test
    void a_system_prompt_that_only_carries_todays_date_and_a_request_id_is_not_reported_as_changed() {
        List<List<LlmCall>> calls = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String system = "You are a branch assistant. Today is 2026-03-0" + n + " 09:0" + n + ". Request id req-"
                    + (7000 + n) + ".";
            List<Object> messages = new ArrayList<>(List.of(msg("system", system)));
            for (int k = 0; k < n - 1; k++) {
                messages.add(msg("user", TURNS.get(k).userText()));
                messages.add(msg("assistant", TURNS.get(k).assistantText()));
            }
            messages.add(msg("user", TURNS.get(n - 1).userText()));
            calls.add(LlmCall.of(turn(n).span("main" + n, null, "answer", "CHAT_MODEL")
                    .inputs(Map.of("messages", messages)).build()));
        }

        var r = ContextWindowCheck.check(TURNS, calls);

        assertThat(r.windows()).extracting(ContextWindow::systemPromptChanged).containsExactly(false, false, false);
        assertThat(r.findings()).isEmpty();
    }
}
