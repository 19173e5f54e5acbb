package io.sessionlens.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.chat.ChatMessage;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.Trace;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The span-io fixtures (12–17) are payloads, not traces. As the fixture README suggests, each is put into a trace
 * as the JSON-encoded {@code mlflow.spanInputs}/{@code spanOutputs} of one CHAT_MODEL root span, which is how MLflow
 * stores them and how its UI derived the expected transcripts.
 */
public final class ChatFixtures {
    private ChatFixtures() {}

    public static JsonNode payload(String file, String constant) {
        return Fixtures.json(file).get(constant);
    }

    public static JsonNode expectedTranscript(String file) {
        return Fixtures.json("expected/" + file.replace(".json", ".expected.json")).get("transcript");
    }

    /** The expected text, with the expected file's {@code null} ("no such message") as our empty string. */
    public static String text(JsonNode transcript, String field) {
        JsonNode v = transcript.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }

    public static Trace chatSpan(JsonNode input, JsonNode output, String format) {
        TestTraces.SpanBuilder span = TestTraces.turn(1).span("0000000000000001", null, "chat_model", "CHAT_MODEL")
                .raw("mlflow.spanInputs", TestTraces.json(input));
        if (output != null) span.raw("mlflow.spanOutputs", TestTraces.json(output));
        if (format != null) span.format(format);
        return span.build();
    }

    /** A message as the expected files write it: role, content ("" when absent), tool calls, tool_call_id. */
    public record Msg(String role, String content, List<String> toolCalls, String toolCallId) {}

    public static List<Msg> expectedMessages(JsonNode chatMessages) {
        List<Msg> out = new ArrayList<>();
        for (JsonNode m : chatMessages) {
            List<String> calls = new ArrayList<>();
            m.path("tool_calls").forEach(
                    tc -> calls.add(tc.path("id").asString("") + ":" + tc.path("function").path("name").asString("")));
            out.add(new Msg(m.path("role").asString(""),
                    m.path("content").isNull() ? "" : m.path("content").asString(""), calls,
                    m.path("tool_call_id").asString("")));
        }
        return out;
    }

    public static List<Msg> ours(List<ChatMessage> messages) {
        return messages.stream().map(m -> new Msg(m.role().name().toLowerCase(), m.content(),
                m.toolCalls().stream().map(tc -> (tc.id() == null ? "" : tc.id()) + ":" + tc.name()).toList(),
                m.toolCallId() == null ? "" : m.toolCallId())).toList();
    }

    /** Tool-call arguments are compared as JSON values: MLflow pretty-prints them, we keep them compact. */
    public static void assertSameArguments(List<ChatMessage> ours, JsonNode chatMessages) {
        List<JsonNode> expected = new ArrayList<>();
        chatMessages.forEach(m -> m.path("tool_calls")
                .forEach(tc -> expected.add(JsonValues.decode(tc.path("function").path("arguments").asString()))));
        List<JsonNode> actual = new ArrayList<>();
        ours.forEach(m -> m.toolCalls().forEach(tc -> actual.add(JsonValues.decode(tc.arguments()))));
        assertThat(actual).isEqualTo(expected);
    }
}
