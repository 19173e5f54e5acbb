package io.sessionlens.demodata.chat;

import static io.sessionlens.demodata.Fixtures.keys;
import static io.sessionlens.demodata.Fixtures.mlflowReal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.demodata.trace.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Each chat format against the payload the provider (and MLflow's chat parser) uses, fixtures 12–17. */
class ChatFormatsTest {
    private static final ToolCall CALL = new ToolCall("call_1", "get_weather",
            (ObjectNode) Json.obj().put("city", "Tokyo"));
    private static final ChatRequest WITH_TOOL_RESULT = new ChatRequest("model-x", "Be helpful.", List.of(
            ChatMessage.user("m1", "Hi"),
            ChatMessage.assistant("m2", "Hello! How can I help?"),
            ChatMessage.user("m3", "Weather in Tokyo?"),
            ChatMessage.assistantCalling("m4", "", List.of(CALL)),
            ChatMessage.toolResult("m5", CALL, "{\"temp_c\": 25}")),
            List.of(new ToolSpec("get_weather", "Weather for a city.", (ObjectNode) Json.obj().put("type", "object"))));
    private static final ChatReply ANSWER = new ChatReply("tok", "model-x", "Sunny, 25 °C.", List.of(), 1_700_000_000L,
            50, 6, 900);
    private static final ChatReply CALLING = new ChatReply("tok", "model-x", "", List.of(CALL), 1_700_000_000L, 40, 9,
            700);

    @Test
    void openai_chat_matches_the_chat_completions_shapes_of_fixture_12() {
        JsonNode fixture = mlflowReal("12-span-io-openai-chat-completions.json");
        JsonNode request = ChatFormats.OPENAI_CHAT.request(WITH_TOOL_RESULT);
        JsonNode messages = request.path("messages");
        assertThat(messages.get(0).path("role").asString()).isEqualTo("system");
        JsonNode toolCall = messages.get(4).path("tool_calls").get(0);
        assertThat(toolCall.path("function").path("arguments").isString()).isTrue();
        assertThat(keys(toolCall.path("function")))
                .isEqualTo(keys(fixture.path("MOCK_OPENAI_CHAT_INPUT").path("messages")
                        .get(1).path("tool_calls").get(0).path("function")));
        assertThat(keys(messages.get(5)))
                .isEqualTo(keys(fixture.path("MOCK_OPENAI_CHAT_INPUT").path("messages").get(2)));
        assertThat(keys(request.path("tools").get(0)))
                .isEqualTo(keys(fixture.path("MOCK_OPENAI_CHAT_INPUT").path("tools").get(0)));

        JsonNode response = ChatFormats.OPENAI_CHAT.response(WITH_TOOL_RESULT, ANSWER);
        JsonNode fixtureOut = fixture.path("MOCK_OPENAI_CHAT_OUTPUT");
        assertThat(keys(response)).isSubsetOf(keys(fixtureOut));
        assertThat(keys(response.path("choices").get(0))).isSubsetOf(keys(fixtureOut.path("choices").get(0)));
        assertThat(keys(response.path("choices").get(0).path("message")))
                .isSubsetOf(keys(fixtureOut.path("choices").get(0).path("message")));
        assertThat(response.path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Sunny, 25 °C.");
        assertThat(ChatFormats.OPENAI_CHAT.response(WITH_TOOL_RESULT, CALLING).path("choices").get(0)
                .path("finish_reason").asString()).isEqualTo("tool_calls");
    }

    @Test
    void openai_responses_has_input_items_and_output_text_parts() {
        JsonNode root = ChatFormats.OPENAI_RESPONSES.rootInputs(WITH_TOOL_RESULT);
        assertThat(root.path("input").get(0).path("role").asString()).isEqualTo("user");
        assertThat(types(root.path("input"))).contains("function_call", "function_call_output");
        JsonNode out = ChatFormats.OPENAI_RESPONSES.response(WITH_TOOL_RESULT, ANSWER).path("output").get(0);
        assertThat(out.path("type").asString()).isEqualTo("message");
        assertThat(out.path("content").get(0).path("type").asString()).isEqualTo("output_text");
        assertThat(out.path("content").get(0).path("text").asString()).isEqualTo("Sunny, 25 °C.");
    }

    @Test
    void langchain_uses_the_base_message_shapes_of_fixture_13_and_its_graph_state_accumulates() {
        JsonNode fixture = mlflowReal("13-span-io-langchain-chat.json");
        Set<String> knownMessageKeys = new HashSet<>();
        fixture.path("MOCK_LANGCHAIN_CHAT_INPUT").get(0).forEach(m -> knownMessageKeys.addAll(keys(m)));
        JsonNode batch = ChatFormats.LANGCHAIN.request(WITH_TOOL_RESULT);
        assertThat(batch.isArray() && batch.get(0).isArray()).isTrue();
        assertThat(types(batch.get(0))).containsExactly("system", "human", "ai", "human", "ai", "tool");
        batch.get(0).forEach(m -> assertThat(keys(m)).isSubsetOf(knownMessageKeys));
        assertThat(batch.get(0).get(4).path("tool_calls").get(0).path("args").path("city").asString())
                .isEqualTo("Tokyo");

        JsonNode result = ChatFormats.LANGCHAIN.response(WITH_TOOL_RESULT, ANSWER);
        assertThat(keys(result)).isEqualTo(keys(fixture.path("MOCK_LANGCHAIN_CHAT_OUTPUT")));
        assertThat(result.path("generations").get(0).get(0).path("message").path("type").asString()).isEqualTo("ai");

        JsonNode in = ChatFormats.LANGCHAIN.rootInputs(WITH_TOOL_RESULT).path("messages");
        JsonNode out = ChatFormats.LANGCHAIN.rootOutputs(WITH_TOOL_RESULT, ANSWER).path("messages");
        assertThat(out.size()).isEqualTo(in.size() + 1);
        for (int i = 0; i < in.size(); i++) assertThat(out.get(i)).isEqualTo(in.get(i));
        assertThat(out.get(in.size()).path("content").asString()).isEqualTo("Sunny, 25 °C.");
    }

    @Test
    void anthropic_uses_content_blocks_and_groups_tool_results_in_a_user_message() {
        JsonNode fixture = mlflowReal("14-span-io-anthropic-messages.json");
        JsonNode messages = ChatFormats.ANTHROPIC.request(WITH_TOOL_RESULT).path("messages");
        assertThat(messages.get(0).path("content").get(0).path("type").asString()).isEqualTo("text");
        assertThat(messages.get(3).path("content").get(0).path("type").asString()).isEqualTo("tool_use");
        assertThat(messages.get(4).path("role").asString()).isEqualTo("user");
        assertThat(messages.get(4).path("content").get(0).path("type").asString()).isEqualTo("tool_result");
        JsonNode response = ChatFormats.ANTHROPIC.response(WITH_TOOL_RESULT, ANSWER);
        assertThat(keys(response)).isSubsetOf(keys(fixture.path("MOCK_ANTHROPIC_OUTPUT")));
        assertThat(keys(response.path("content").get(0)))
                .isSubsetOf(keys(fixture.path("MOCK_ANTHROPIC_OUTPUT").path("content").get(0)));
    }

    @Test
    void gemini_uses_contents_with_model_role_and_candidates() {
        JsonNode fixture = mlflowReal("15-span-io-gemini.json").path("MOCK_GEMINI_OUTPUT");
        JsonNode contents = ChatFormats.GEMINI.request(WITH_TOOL_RESULT).path("contents");
        assertThat(contents.get(1).path("role").asString()).isEqualTo("model");
        assertThat(contents.get(3).path("parts").get(0).has("function_call")).isTrue();
        assertThat(contents.get(4).path("parts").get(0).path("function_response").path("response").path("result")
                .path("temp_c").asInt()).isEqualTo(25);
        JsonNode response = ChatFormats.GEMINI.response(WITH_TOOL_RESULT, ANSWER);
        assertThat(keys(response)).isSubsetOf(keys(fixture));
        assertThat(keys(response.path("candidates").get(0))).isSubsetOf(keys(fixture.path("candidates").get(0)));
        assertThat(response.path("candidates").get(0).path("content").path("role").asString()).isEqualTo("model");
    }

    @Test
    void bedrock_converse_uses_the_tool_use_and_tool_result_blocks_of_fixture_16() {
        JsonNode fixture = mlflowReal("16-span-io-bedrock-converse-tool-use.json");
        JsonNode messages = ChatFormats.BEDROCK_CONVERSE.request(WITH_TOOL_RESULT).path("messages");
        JsonNode fixtureMessages = fixture.path("MOCK_BEDROCK_TOOL_USE_INPUT").path("messages");
        assertThat(keys(messages.get(3).path("content").get(0).path("toolUse")))
                .isEqualTo(keys(fixtureMessages.get(1).path("content").get(1).path("toolUse")));
        assertThat(keys(messages.get(4).path("content").get(0).path("toolResult")))
                .containsAll(keys(fixtureMessages.get(2).path("content").get(0).path("toolResult")));
        JsonNode response = ChatFormats.BEDROCK_CONVERSE.response(WITH_TOOL_RESULT, ANSWER);
        assertThat(response.path("output").path("message").path("content").get(0).path("text").asString())
                .isEqualTo("Sunny, 25 °C.");
    }

    @Test
    void otel_genai_messages_use_role_and_typed_parts_like_fixture_17() {
        Set<String> fixturePartTypes = new HashSet<>();
        mlflowReal("17-span-io-otel-genai-messages.json")
                .forEach(conv -> conv
                        .forEach(m -> m.path("parts").forEach(p -> fixturePartTypes.add(p.path("type").asString()))));
        JsonNode messages = ChatFormats.OTEL_GENAI.request(WITH_TOOL_RESULT);
        Set<String> partTypes = new HashSet<>();
        messages.forEach(m -> m.path("parts").forEach(p -> partTypes.add(p.path("type").asString())));
        assertThat(partTypes).isEqualTo(fixturePartTypes);
        assertThat(types(messages, "role")).containsExactly("system", "user", "assistant", "user", "assistant", "tool");
        assertThat(ChatFormats.OTEL_GENAI.modelSpanAttributes(WITH_TOOL_RESULT, ANSWER))
                .containsKeys("gen_ai.input.messages", "gen_ai.output.messages");
    }

    @Test
    void plain_and_dict_roots_hold_just_the_texts_and_a_wrapper_root_defers_to_its_child() {
        assertThat(ChatFormats.PLAIN_STRING.rootInputs(WITH_TOOL_RESULT).asString()).isEqualTo("Weather in Tokyo?");
        assertThat(ChatFormats.PLAIN_STRING.rootOutputs(WITH_TOOL_RESULT, ANSWER).asString())
                .isEqualTo("Sunny, 25 °C.");
        assertThat(ChatFormats.QUESTION_ANSWER.rootInputs(WITH_TOOL_RESULT).path("question").asString())
                .isEqualTo("Weather in Tokyo?");
        assertThat(ChatFormats.QUESTION_ANSWER.rootOutputs(WITH_TOOL_RESULT, ANSWER).path("answer").asString())
                .isEqualTo("Sunny, 25 °C.");
        assertThat(ChatFormats.WRAPPED_OPENAI_CHAT.rootIsEmptyWrapper()).isTrue();
        assertThat(ChatFormats.WRAPPED_OPENAI_CHAT.label()).isEqualTo("wrapper(openai-chat)");
    }

    private static List<String> types(JsonNode array) {
        return types(array, "type");
    }

    private static List<String> types(JsonNode array, String key) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(key).asString())
                .toList();
    }
}
