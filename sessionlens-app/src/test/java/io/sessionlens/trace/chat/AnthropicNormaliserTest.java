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

class AnthropicNormaliserTest {
    private static final String FIXTURE = "14-span-io-anthropic-messages.json";
    private final AnthropicNormaliser normaliser = new AnthropicNormaliser();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "anthropic")
    void fixture_14_turn_shows_the_image_link_and_question_and_the_answer(String format) {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_ANTHROPIC_INPUT"), payload(FIXTURE, "MOCK_ANTHROPIC_OUTPUT"), format);
        JsonNode expected = expectedTranscript(FIXTURE);

        TurnText text = new TurnReader(List.of()).read(t);

        assertThat(text.userText()).isEqualTo(ChatFixtures.text(expected, "user_text"))
                .endsWith("\n\nDescribe this image.").startsWith("![](https://upload.wikimedia.org/");
        assertThat(text.assistantText()).isEqualTo(ChatFixtures.text(expected, "assistant_text"));
        assertThat(text.readFrom().format()).isEqualTo("anthropic");
    }

    @Test
    void fixture_14_thinking_is_not_part_of_the_answer() {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_ANTHROPIC_INPUT"),
                payload(FIXTURE, "MOCK_ANTHROPIC_OUTPUT_WITH_THINKING"), "anthropic");
        JsonNode variant = expectedTranscript(FIXTURE).get("variants").get(0);

        TurnText text = new TurnReader(List.of()).read(t);

        assertThat(text.assistantText()).isEqualTo(variant.get("assistant_text").asString());
        assertThat(text.assistantText()).doesNotContain("s-t-r-a-w");
    }

    @Test
    void fixture_14_gives_the_same_messages_as_mlflow() {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_ANTHROPIC_INPUT"), payload(FIXTURE, "MOCK_ANTHROPIC_OUTPUT"),
                "anthropic");

        List<ChatMessage> ours = SpanIo.of(t.spans().getFirst()).conversation().orElseThrow().messages();

        assertThat(ChatFixtures.ours(ours))
                .isEqualTo(expectedMessages(expectedTranscript(FIXTURE).get("chat_messages")));
    }

    @Test
    void tool_use_and_tool_result_blocks_become_a_call_and_a_tool_message() {
        JsonNode request = JsonValues.decode("""
                {"system": "You are a travel agent.", "messages": [
                  {"role": "user", "content": "Flights to Lima?"},
                  {"role": "assistant", "content": [{"type": "text", "text": "Let me look."},
                    {"type": "tool_use", "id": "tu_1", "name": "search_flights", "input": {"to": "LIM"}}]},
                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "tu_1", "is_error": true,
                    "content": [{"type": "text", "text": "upstream 503"}]}]}]}""");

        List<ChatMessage> in = normaliser.normalise(request);

        assertThat(in).extracting(ChatMessage::role).containsExactly(ChatRole.SYSTEM, ChatRole.USER, ChatRole.ASSISTANT,
                ChatRole.TOOL);
        assertThat(in.get(2).toolCalls()).singleElement()
                .isEqualTo(new ToolCallRequest("tu_1", "search_flights", "{\"to\":\"LIM\"}"));
        assertThat(in.get(3).error()).isTrue();
        assertThat(in.get(3).content()).isEqualTo("upstream 503");
        assertThat(new Conversation("anthropic", in).userText()).contains("Flights to Lima?");
    }

    @Test
    void inline_base64_images_are_a_placeholder_not_kilobytes_of_text() {
        JsonNode request = JsonValues.decode("""
                {"messages": [{"role": "user", "content": [
                  {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
                  {"type": "text", "text": "What is in it?"}]}]}""");

        assertThat(normaliser.normalise(request)).singleElement()
                .extracting(ChatMessage::content).isEqualTo("[image]\n\nWhat is in it?");
    }
}
