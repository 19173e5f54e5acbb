package io.sessionlens.trace.chat;

import static io.sessionlens.support.ChatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.transcript.TurnReader;
import io.sessionlens.analysis.transcript.TurnText;
import io.sessionlens.support.ChatFixtures;
import io.sessionlens.support.TestTraces;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class LangChainNormaliserTest {
    private static final String FIXTURE = "13-span-io-langchain-chat.json";
    private final LangChainNormaliser normaliser = new LangChainNormaliser();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "langchain")
    void fixture_13_turn_shows_the_question_and_the_generated_answer(String format) {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_LANGCHAIN_CHAT_INPUT"),
                payload(FIXTURE, "MOCK_LANGCHAIN_CHAT_OUTPUT"), format);
        JsonNode expected = expectedTranscript(FIXTURE);

        TurnText text = new TurnReader(List.of()).read(t);

        assertThat(text.userText()).isEqualTo(ChatFixtures.text(expected, "user_text"));
        assertThat(text.assistantText()).isEqualTo(ChatFixtures.text(expected, "assistant_text"))
                .isEqualTo("The weather in Singapore is hot, while in New York, it is cold.");
        assertThat(text.readFrom().format()).isEqualTo("langchain");
    }

    @Test
    void fixture_13_gives_the_same_messages_as_mlflow_with_tool_calls_from_both_places() {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_LANGCHAIN_CHAT_INPUT"),
                payload(FIXTURE, "MOCK_LANGCHAIN_CHAT_OUTPUT"), "langchain");
        JsonNode expected = expectedTranscript(FIXTURE).get("chat_messages");

        List<ChatMessage> ours = SpanIo.of(t.spans().getFirst()).conversation().orElseThrow().messages();

        assertThat(ChatFixtures.ours(ours)).isEqualTo(expectedMessages(expected));
        assertSameArguments(ours, expected);
    }

    @Test
    void langgraph_state_whose_output_repeats_the_input_is_not_doubled() {
        Object human = java.util.Map.of("type", "human", "content", "Book a table for two");
        Object ai = java.util.Map.of("type", "ai", "content", "Booked for 19:00.");
        Trace t = TestTraces.turn(1).span("a", null, "LangGraph", "CHAIN")
                .inputs(java.util.Map.of("messages", List.of(human)))
                .outputs(java.util.Map.of("messages", List.of(human, ai))).build();

        Conversation c = SpanIo.of(t.spans().getFirst()).conversation().orElseThrow();

        assertThat(c.messages()).hasSize(2);
        assertThat(c.userText()).contains("Book a table for two");
        assertThat(c.assistantText()).contains("Booked for 19:00.");
    }

    @Test
    void serialised_constructor_messages_are_read() {
        JsonNode value = JsonValues
                .decode("""
                        [{"lc": 1, "type": "constructor", "id": ["langchain", "schema", "messages", "SystemMessage"], "kwargs": {"content": "Be kind."}},
                         {"lc": 1, "type": "constructor", "id": ["langchain", "schema", "messages", "HumanMessage"], "kwargs": {"content": "Hi"}}]""");

        assertThat(normaliser.normalise(value)).extracting(ChatMessage::role, ChatMessage::content).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChatRole.SYSTEM, "Be kind."),
                org.assertj.core.groups.Tuple.tuple(ChatRole.USER, "Hi"));
    }

    @Test
    void a_failed_tool_message_is_marked_as_an_error() {
        JsonNode value = JsonValues.decode("""
                [{"type": "tool", "content": "timeout", "tool_call_id": "7", "status": "error"}]""");

        assertThat(normaliser.normalise(value)).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(ChatRole.TOOL);
            assertThat(m.error()).isTrue();
        });
    }

    @Test
    void openai_role_messages_are_not_langchain() {
        assertThat(normaliser.normalise(payload("12-span-io-openai-chat-completions.json", "MOCK_OPENAI_CHAT_INPUT")))
                .isEmpty();
    }
}
