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

class BedrockConverseNormaliserTest {
    private static final String FIXTURE = "16-span-io-bedrock-converse-tool-use.json";
    private final BedrockConverseNormaliser normaliser = new BedrockConverseNormaliser();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "bedrock")
    void fixture_16_has_no_final_answer_because_every_assistant_message_calls_a_tool(String format) {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_BEDROCK_TOOL_USE_INPUT"),
                payload(FIXTURE, "MOCK_BEDROCK_TOOL_USE_OUTPUT"), format);
        JsonNode expected = expectedTranscript(FIXTURE);

        TurnText text = new TurnReader(List.of()).read(t);

        assertThat(text.userText()).isEqualTo(ChatFixtures.text(expected, "user_text"))
                .isEqualTo("Please check the weather in Tokyo and book a flight.");
        assertThat(expected.get("assistant_text").isNull()).isTrue();
        assertThat(text.assistantText()).isEmpty();
        assertThat(text.readFrom().format()).isEqualTo("bedrock");
    }

    @Test
    void fixture_16_gives_the_same_messages_as_mlflow_with_the_tool_result_as_a_tool_message() {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_BEDROCK_TOOL_USE_INPUT"),
                payload(FIXTURE, "MOCK_BEDROCK_TOOL_USE_OUTPUT"), "bedrock");
        JsonNode expected = expectedTranscript(FIXTURE).get("chat_messages");

        List<ChatMessage> ours = SpanIo.of(t.spans().getFirst()).conversation().orElseThrow().messages();

        assertThat(ChatFixtures.ours(ours)).isEqualTo(expectedMessages(expected));
        assertSameArguments(ours, expected);
    }

    @Test
    void a_tool_result_with_error_status_is_marked_and_json_content_is_kept() {
        JsonNode request = JsonValues
                .decode("""
                        {"system": [{"text": "Be exact."}], "messages": [{"role": "user", "content": [{"toolResult": {"toolUseId": "t1",
                          "status": "error", "content": [{"json": {"code": 429}}]}}]}]}""");

        List<ChatMessage> in = normaliser.normalise(request);

        assertThat(in).extracting(ChatMessage::role).containsExactly(ChatRole.SYSTEM, ChatRole.TOOL);
        assertThat(in.get(1).error()).isTrue();
        assertThat(in.get(1).content()).isEqualTo("{\"code\":429}");
    }

    @Test
    void typed_anthropic_blocks_are_not_bedrock() {
        assertThat(normaliser.normalise(payload("14-span-io-anthropic-messages.json", "MOCK_ANTHROPIC_INPUT")))
                .isEmpty();
    }
}
