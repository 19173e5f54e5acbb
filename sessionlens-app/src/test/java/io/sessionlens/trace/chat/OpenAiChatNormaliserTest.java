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

class OpenAiChatNormaliserTest {
    private static final String FIXTURE = "12-span-io-openai-chat-completions.json";
    private final OpenAiChatNormaliser normaliser = new OpenAiChatNormaliser();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "openai")
    void fixture_12_turn_shows_the_question_and_the_final_answer_not_the_tool_call(String format) {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_OPENAI_CHAT_INPUT"), payload(FIXTURE, "MOCK_OPENAI_CHAT_OUTPUT"),
                format);
        JsonNode expected = expectedTranscript(FIXTURE);

        TurnText text = new TurnReader(List.of()).read(t);

        assertThat(text.userText()).isEqualTo(ChatFixtures.text(expected, "user_text"))
                .isEqualTo("tell me a joke in 50 words");
        assertThat(text.assistantText()).isEqualTo(ChatFixtures.text(expected, "assistant_text"));
        assertThat(text.readFrom().format()).isEqualTo("openai");
        assertThat(text.readFrom().source()).isEqualTo("root span");
    }

    @Test
    void fixture_12_request_and_response_give_the_same_messages_as_mlflow() {
        Trace t = chatSpan(payload(FIXTURE, "MOCK_OPENAI_CHAT_INPUT"), payload(FIXTURE, "MOCK_OPENAI_CHAT_OUTPUT"),
                null);
        JsonNode expected = expectedTranscript(FIXTURE).get("chat_messages");

        List<ChatMessage> ours = SpanIo.of(t.spans().getFirst()).conversation().orElseThrow().messages();

        assertThat(ChatFixtures.ours(ours)).isEqualTo(expectedMessages(expected));
        assertSameArguments(ours, expected);
    }

    @Test
    void response_with_null_tool_calls_is_a_final_answer() {
        List<ChatMessage> out = normaliser.normalise(payload(FIXTURE, "MOCK_OPENAI_CHAT_OUTPUT"));

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(ChatRole.ASSISTANT);
            assertThat(m.isFinalAnswerCandidate()).isTrue();
        });
    }

    @Test
    void responses_api_request_and_response_are_read() {
        JsonNode request = JsonValues.decode("""
                {"model": "gpt-4.1", "instructions": "Be brief.", "input": "What is the refund window?"}""");
        JsonNode response = JsonValues
                .decode("""
                        {"id": "resp_1", "object": "response", "output": [
                          {"type": "reasoning", "summary": []},
                          {"type": "function_call", "call_id": "call_9", "name": "policy_lookup", "arguments": "{\\"topic\\": \\"refunds\\"}"},
                          {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "30 days from delivery."}]}]}""");

        List<ChatMessage> in = normaliser.normalise(request);
        List<ChatMessage> out = normaliser.normalise(response);

        assertThat(in).extracting(ChatMessage::role, ChatMessage::content).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChatRole.SYSTEM, "Be brief."),
                org.assertj.core.groups.Tuple.tuple(ChatRole.USER, "What is the refund window?"));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).toolCalls()).singleElement()
                .isEqualTo(new ToolCallRequest("call_9", "policy_lookup", "{\"topic\": \"refunds\"}"));
        assertThat(new Conversation("openai", out).assistantText()).contains("30 days from delivery.");
    }

    @Test
    void responses_api_input_items_with_tool_output_are_read() {
        JsonNode request = JsonValues.decode("""
                {"model": "gpt-4.1", "input": [
                  {"role": "user", "content": [{"type": "input_text", "text": "Weather in Oslo?"}]},
                  {"type": "function_call", "call_id": "c1", "name": "weather", "arguments": "{}"},
                  {"type": "function_call_output", "call_id": "c1", "output": "-3°C"}]}""");

        List<ChatMessage> in = normaliser.normalise(request);

        assertThat(in).extracting(ChatMessage::role).containsExactly(ChatRole.USER, ChatRole.ASSISTANT, ChatRole.TOOL);
        assertThat(in.get(2).content()).isEqualTo("-3°C");
        assertThat(in.get(2).toolCallId()).isEqualTo("c1");
    }

    @Test
    void image_parts_become_markdown_links_and_developer_is_a_system_message() {
        JsonNode request = JsonValues.decode("""
                {"messages": [{"role": "developer", "content": "You are terse."},
                  {"role": "user", "content": [{"type": "text", "text": "What is this?"},
                    {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}]}]}""");

        List<ChatMessage> in = normaliser.normalise(request);

        assertThat(in.get(0).role()).isEqualTo(ChatRole.SYSTEM);
        assertThat(in.get(1).content()).isEqualTo("What is this?\n\n![](https://example.com/cat.png)");
    }

    @Test
    void payloads_of_other_formats_are_not_taken_for_openai() {
        assertThat(normaliser.normalise(payload("13-span-io-langchain-chat.json", "MOCK_LANGCHAIN_CHAT_INPUT")))
                .isEmpty();
        assertThat(normaliser
                .normalise(payload("16-span-io-bedrock-converse-tool-use.json", "MOCK_BEDROCK_TOOL_USE_INPUT")))
                .isEmpty();
        assertThat(normaliser.normalise(payload("15-span-io-gemini.json", "MOCK_GEMINI_INPUT"))).isEmpty();
        assertThat(normaliser.normalise(JsonValues.decode("{\"input\": \"hello\"}"))).as("a plain dict").isEmpty();
    }
}
