package io.sessionlens.trace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.support.Fixtures;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Span payloads from MLflow's own UI tests (fixtures/mlflow-real, see its README for their origin). */
class ChatLinesTest {
    private static JsonNode fixture(String name) {
        return Fixtures.json(name);
    }

    private static Span span(Map<String, String> attributes) {
        return new Span("0000000000000001", null, "chat", 0, 1L, SpanStatus.OK, "", attributes, List.of());
    }

    private static Span withIo(JsonNode in, JsonNode out) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(MlflowKeys.SPAN_INPUTS, in.toString());
        a.put(MlflowKeys.SPAN_OUTPUTS, out.toString());
        return span(a);
    }

    @Test
    void openai_chat_completion_shows_the_request_messages_then_the_reply() {
        JsonNode f = fixture("12-span-io-openai-chat-completions.json");
        List<ChatLines.Line> lines = ChatLines
                .of(withIo(f.get("MOCK_OPENAI_CHAT_INPUT"), f.get("MOCK_OPENAI_CHAT_OUTPUT")));

        assertThat(lines).extracting(ChatLines.Line::role).containsExactly("user", "assistant", "tool", "assistant");
        assertThat(lines.get(0).content()).isEqualTo("tell me a joke in 50 words");
        assertThat(lines.get(1).content()).isEqualTo("→ tell_joke({\"joke_length\": 50})");
        assertThat(lines.get(3).content())
                .isEqualTo("Why did the scarecrow win an award? Because he was outstanding in his field!");
    }

    @Test
    void a_malformed_chat_messages_attribute_falls_back_to_inputs_and_outputs() {
        JsonNode f = fixture("12-span-io-openai-chat-completions.json");
        Map<String, String> a = new LinkedHashMap<>(
                withIo(f.get("MOCK_OPENAI_CHAT_INPUT"), f.get("MOCK_OPENAI_CHAT_OUTPUT")).attributes());
        a.put(MlflowKeys.CHAT_MESSAGES, "\"invalid chat format\"");

        assertThat(ChatLines.of(span(a))).hasSize(4);
    }

    @Test
    void langchain_messages_map_human_and_ai_to_user_and_assistant_with_their_tool_calls() {
        JsonNode f = fixture("13-span-io-langchain-chat.json");
        List<ChatLines.Line> lines = ChatLines
                .of(withIo(f.get("MOCK_LANGCHAIN_CHAT_INPUT"), f.get("MOCK_LANGCHAIN_CHAT_OUTPUT")));

        assertThat(lines).extracting(ChatLines.Line::role).containsExactly("user", "assistant", "assistant", "tool",
                "assistant");
        assertThat(lines.get(0).content()).isEqualTo("What's the weather in Singapore and New York?");
        assertThat(lines.get(1).content()).isEqualTo("→ get_weather({\"city\": \"Singapore\"})");
        assertThat(lines.get(2).content()).isEqualTo("→ get_weather({\"city\":\"New York\"})");
        assertThat(lines.get(4).content()).isEqualTo("The weather in Singapore is hot, while in New York, it is cold.");
    }

    @Test
    void plain_inputs_that_are_not_messages_show_no_chat() {
        assertThat(ChatLines
                .of(span(Map.of(MlflowKeys.SPAN_INPUTS, "{\"city\":\"Oslo\"}", MlflowKeys.SPAN_OUTPUTS, "\"rain\""))))
                .isEmpty();
        assertThat(ChatLines.of(span(Map.of(MlflowKeys.SPAN_INPUTS, "not json at all")))).isEmpty();
    }

    @Test
    void openinference_input_value_is_read_when_mlflow_inputs_are_absent() {
        Span s = span(Map.of(MlflowKeys.OI_INPUT,
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}"));
        assertThat(ChatLines.of(s)).containsExactly(new ChatLines.Line("user", "hi"));
    }

    /** The demo's Gemini model span (travel sessions): the span page's Chat tab reads what the session page reads. */
    @Test
    void a_gemini_generate_content_span_has_chat_lines() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(MlflowKeys.SPAN_INPUTS, """
                {"model": "gemini-2.5-pro", "contents": [{"role": "user", "parts": [{"text": "Fly me to Lisbon"}]},
                 {"role": "model", "parts": [{"text": "When?"}]}, {"role": "user", "parts": [{"text": "Friday"}]}],
                 "config": {"system_instruction": "You are a travel agent.", "temperature": 0.3}}""");
        a.put(MlflowKeys.SPAN_OUTPUTS, """
                {"candidates": [{"content": {"parts": [{"function_call": {"id": "c1", "name": "search_flights",
                 "args": {"origin": "AMS"}}}], "role": "model"}, "finish_reason": "STOP", "index": 0,
                 "safety_ratings": null}], "model_version": "gemini-2.5-pro"}""");
        a.put(MlflowKeys.MESSAGE_FORMAT, "\"gemini\"");
        List<ChatLines.Line> lines = ChatLines.of(span(a));

        assertThat(lines).extracting(ChatLines.Line::role).containsExactly("system", "user", "assistant", "user",
                "assistant");
        assertThat(lines.getLast().content()).contains("search_flights");
    }
}
