package io.sessionlens.analysis.evidence;

import static io.sessionlens.support.TestTraces.msg;
import static io.sessionlens.support.TestTraces.turn;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.transcript.TurnReader;
import io.sessionlens.support.ChatFixtures;
import io.sessionlens.support.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCallsTest {

    @Test
    void fixture_06_openinference_tool_span_gives_name_arguments_and_result() {
        var trace = Fixtures.trace("06-ui-v3-trace-openinference-otel.json");

        assertThat(ToolCalls.of(trace, List.of())).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("calculate");
            assertThat(c.arguments()).as("decoded, then compact JSON").isEqualTo("{\"expression\":\"25 * 3\"}");
            assertThat(c.result()).isEqualTo("Result: 75");
            assertThat(c.error()).isNull();
        });
    }

    @Test
    void a_failed_tool_span_carries_its_exception_message() {
        var trace = turn(1).span("r", null, "agent", "AGENT").inputs("q").outputs("a").done()
                .span("t", "r", "get_exchange_rate", "TOOL").inputs(Map.of("pair", "EURUSD"))
                .exception("TimeoutError", "rates service did not answer in 10s", "Traceback ...").build();

        assertThat(ToolCalls.of(trace, List.of())).singleElement().satisfies(c -> {
            assertThat(c.spanId()).isEqualTo("t");
            assertThat(c.arguments()).isEqualTo("{\"pair\":\"EURUSD\"}");
            assertThat(c.error()).isEqualTo("rates service did not answer in 10s");
        });
    }

    @Test
    void fixture_12_tool_call_without_a_tool_span_comes_from_the_messages_with_its_result() {
        var trace = ChatFixtures.chatSpan(
                ChatFixtures.payload("12-span-io-openai-chat-completions.json", "MOCK_OPENAI_CHAT_INPUT"),
                ChatFixtures.payload("12-span-io-openai-chat-completions.json", "MOCK_OPENAI_CHAT_OUTPUT"), "openai");
        var text = new TurnReader(List.of()).read(trace);

        assertThat(ToolCalls.of(trace, text.conversation())).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("tell_joke");
            assertThat(c.arguments()).isEqualTo("{\"joke_length\": 50}");
            assertThat(c.result()).startsWith("Why did the scarecrow");
        });
    }

    @Test
    void a_call_that_has_a_tool_span_is_not_listed_twice() {
        var trace = turn(1).span("r", null, "agent", "AGENT").inputs("q").outputs("a").done()
                .span("llm", "r", "ChatOpenAI", "CHAT_MODEL")
                .inputs(Map.of("messages", List.of(msg("user", "weather in Rome?"))))
                .outputs(Map.of("choices", List.of(Map.of("message", Map.of("role", "assistant", "content", "",
                        "tool_calls",
                        List.of(Map.of("id", "c1", "function", Map.of("name", "get_weather", "arguments", "{}"))))))))
                .done()
                .span("tool", "r", "get_weather", "TOOL").inputs(Map.of()).outputs("sunny").build();

        assertThat(ToolCalls.of(trace, List.of())).extracting(ToolCall::spanId, ToolCall::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tool", "sunny"));
    }

    @Test
    void tool_calls_from_earlier_turns_in_the_history_are_not_this_turns() {
        var trace = turn(2).span("llm", null, "chat", "CHAT_MODEL").inputs(Map.of("messages", List.of(
                msg("user", "weather in Rome?"),
                Map.of("role", "assistant", "tool_calls",
                        List.of(Map.of("id", "old", "function", Map.of("name", "get_weather", "arguments", "{}")))),
                Map.of("role", "tool", "tool_call_id", "old", "content", "sunny"),
                msg("assistant", "Sunny."),
                msg("user", "and tomorrow?"))))
                .outputs("Rain is expected.").build();

        assertThat(ToolCalls.of(trace, List.of())).isEmpty();
    }
}
