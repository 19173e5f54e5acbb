package io.sessionlens.trace.chat;

import static io.sessionlens.support.ChatFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.analysis.transcript.TurnReader;
import io.sessionlens.analysis.transcript.TurnText;
import io.sessionlens.support.ChatFixtures;
import io.sessionlens.support.Fixtures;
import io.sessionlens.support.TestTraces;
import io.sessionlens.trace.model.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class OtelGenAiNormaliserTest {
    private static final String FIXTURE = "17-span-io-otel-genai-messages.json";
    private final OtelGenAiNormaliser normaliser = new OtelGenAiNormaliser();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void fixture_17_each_array_gives_mlflows_messages_and_texts(int index) {
        JsonNode array = Fixtures.json(FIXTURE).get(index);
        JsonNode expected = expectedTranscript(FIXTURE).get("per_array").get(index);

        List<ChatMessage> ours = normaliser.normalise(array);
        Conversation c = new Conversation("otel-genai", ours);

        assertThat(ChatFixtures.ours(ours)).isEqualTo(expectedMessages(expected.get("chat_messages")));
        assertThat(c.userText().orElse("")).isEqualTo(ChatFixtures.text(expected, "user_text"));
        assertThat(c.assistantText().orElse("")).isEqualTo(ChatFixtures.text(expected, "assistant_text"));
    }

    @Test
    void fixture_17_tool_call_response_is_compact_json() {
        List<ChatMessage> ours = normaliser.normalise(Fixtures.json(FIXTURE).get(2));

        assertThat(ours.get(1).content()).isEqualTo("{\"tempC\":22}");
        assertThat(ours.get(0).toolCalls().getFirst().arguments()).isEqualTo("{\"city\":\"NYC\"}");
    }

    @Test
    void a_span_that_only_has_gen_ai_message_attributes_is_read() {
        JsonNode conversation = Fixtures.json(FIXTURE).get(1);
        List<Object> input = List.of(Fixtures.JSON.convertValue(conversation.get(0), Object.class),
                Fixtures.JSON.convertValue(conversation.get(1), Object.class));
        Object output = List.of(Fixtures.JSON.convertValue(conversation.get(2), Object.class));
        Trace t = TestTraces.turn(1).span("s1", null, "chat gpt-4o", null)
                .raw("gen_ai.operation.name", "chat")
                .raw("gen_ai.input.messages", TestTraces.json(input))
                .raw("gen_ai.output.messages", TestTraces.json(output)).build();

        TurnText text = new TurnReader(List.of()).read(t);

        assertThat(text.userText()).isEqualTo("What is MLflow?");
        assertThat(text.assistantText()).isEqualTo("MLflow is an open-source platform.");
        assertThat(text.readFrom().format()).isEqualTo("otel-genai");
    }
}
