package io.sessionlens.trace.chat;

import static io.sessionlens.support.ChatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.transcript.TurnReader;
import io.sessionlens.analysis.transcript.TurnText;
import io.sessionlens.support.ChatFixtures;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class GeminiNormaliserTest {
    private static final String FIXTURE = "15-span-io-gemini.json";
    private final GeminiNormaliser normaliser = new GeminiNormaliser();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "gemini")
    void fixture_15_turn_shows_the_prompt_and_the_models_answer(String format) {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_GEMINI_INPUT"), payload(FIXTURE, "MOCK_GEMINI_OUTPUT"), format);
        JsonNode expected = expectedTranscript(FIXTURE);

        TurnText text = new TurnReader(List.of()).read(t);

        assertThat(text.userText()).isEqualTo(ChatFixtures.text(expected, "user_text"));
        assertThat(text.assistantText()).isEqualTo(ChatFixtures.text(expected, "assistant_text"));
        assertThat(text.readFrom().format()).isEqualTo("gemini");
    }

    @Test
    void fixture_15_gives_the_same_messages_as_mlflow_with_model_as_assistant() {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_GEMINI_INPUT"), payload(FIXTURE, "MOCK_GEMINI_OUTPUT"), "gemini");

        List<ChatMessage> ours = SpanIo.of(t.spans().getFirst()).conversation().orElseThrow().messages();

        assertThat(ChatFixtures.ours(ours))
                .isEqualTo(expectedMessages(expectedTranscript(FIXTURE).get("chat_messages")));
    }

    @Test
    void multi_turn_contents_with_function_calls_and_thoughts() {
        JsonNode request = JsonValues
                .decode("""
                        {"model": "gemini-2.5-pro", "config": {"system_instruction": "Answer in French."},
                         "contents": [
                          {"role": "user", "parts": [{"text": "Quel temps à Paris ?"}]},
                          {"role": "model", "parts": [{"thought": true, "text": "need weather"}, {"function_call": {"name": "weather", "args": {"city": "Paris"}}}]},
                          {"role": "user", "parts": [{"function_response": {"name": "weather", "response": {"temp": 18}}}]}]}""");

        List<ChatMessage> in = normaliser.normalise(request);

        assertThat(in).extracting(ChatMessage::role)
                .containsExactly(ChatRole.SYSTEM, ChatRole.USER, ChatRole.ASSISTANT, ChatRole.TOOL);
        assertThat(in.get(2).content()).as("thought parts are reasoning").isEmpty();
        assertThat(in.get(2).toolCalls()).singleElement().extracting(ToolCallRequest::name).isEqualTo("weather");
        assertThat(in.get(3).content()).isEqualTo("{\"temp\":18}");
    }

    @Test
    void a_list_of_strings_is_one_user_message() {
        assertThat(normaliser.normalise(JsonValues.decode("{\"contents\": [\"Summarise:\", \"the text\"]}")))
                .singleElement().extracting(ChatMessage::content).isEqualTo("Summarise:\n\nthe text");
    }
}
