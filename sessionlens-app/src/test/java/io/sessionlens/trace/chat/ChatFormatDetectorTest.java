package io.sessionlens.trace.chat;

import static io.sessionlens.support.ChatFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.json.JsonValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatFormatDetectorTest {

    @ParameterizedTest
    @CsvSource({
            "12-span-io-openai-chat-completions.json, MOCK_OPENAI_CHAT_INPUT, openai",
            "12-span-io-openai-chat-completions.json, MOCK_OPENAI_CHAT_OUTPUT, openai",
            "13-span-io-langchain-chat.json, MOCK_LANGCHAIN_CHAT_INPUT, langchain",
            "13-span-io-langchain-chat.json, MOCK_LANGCHAIN_CHAT_OUTPUT, langchain",
            "14-span-io-anthropic-messages.json, MOCK_ANTHROPIC_INPUT, anthropic",
            "14-span-io-anthropic-messages.json, MOCK_ANTHROPIC_OUTPUT, anthropic",
            "15-span-io-gemini.json, MOCK_GEMINI_INPUT, gemini",
            "15-span-io-gemini.json, MOCK_GEMINI_OUTPUT, gemini",
            "16-span-io-bedrock-converse-tool-use.json, MOCK_BEDROCK_TOOL_USE_INPUT, bedrock",
            "16-span-io-bedrock-converse-tool-use.json, MOCK_BEDROCK_TOOL_USE_OUTPUT, bedrock"})
    void every_fixture_payload_is_recognised_without_a_format_hint(String file, String constant, String format) {
        assertThat(ChatFormatDetector.read(payload(file, constant), null))
                .hasValueSatisfying(c -> assertThat(c.format()).isEqualTo(format));
    }

    @Test
    void the_spans_message_format_wins_over_the_shape() {
        // a plain role/content list fits OpenAI and Anthropic alike; the span says which it is
        var value = JsonValues.decode("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");

        assertThat(ChatFormatDetector.read(value, "\"anthropic\""))
                .hasValueSatisfying(c -> assertThat(c.format()).isEqualTo("anthropic"));
        assertThat(ChatFormatDetector.read(value, null))
                .hasValueSatisfying(c -> assertThat(c.format()).isEqualTo("openai"));
    }

    @Test
    void a_wrong_or_unknown_hint_falls_back_to_the_shape() {
        var gemini = payload("15-span-io-gemini.json", "MOCK_GEMINI_INPUT");

        assertThat(ChatFormatDetector.read(gemini, "\"openai\""))
                .hasValueSatisfying(c -> assertThat(c.format()).isEqualTo("gemini"));
        assertThat(ChatFormatDetector.read(gemini, "\"dspy\""))
                .hasValueSatisfying(c -> assertThat(c.format()).isEqualTo("gemini"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"x\": 2, \"y\": 5}", "\"just text\"", "42", "[1, 2, 3]", "{}", "[]", "null",
            "{\"messages\": \"not a list\"}", "{\"messages\": [null, 3]}", "{\"choices\": [{}]}", "[[]]",
            "{\"contents\": {\"parts\": \"x\"}}", "{\"output\": {\"message\": {\"role\": \"user\", \"content\": 5}}}"})
    void values_that_are_not_chat_are_not_taken_for_chat_and_never_throw(String json) {
        assertThat(ChatFormatDetector.read(JsonValues.decode(json), null)).isEmpty();
    }
}
