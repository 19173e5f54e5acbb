package io.sessionlens.analysis.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.importer.read.ExportReader;
import io.sessionlens.importer.read.ReadListener;
import io.sessionlens.trace.model.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What a user reads for turns of whole exports, read through the real importer as an upload would be. */
class TurnReaderExportTest {
    private final TurnReader reader = new TurnReader(List.of());

    @Test
    void early_3x_legacy_request_and_response_are_read_when_no_span_carries_the_text() {
        TurnText t = reader.read(only("hand-written/early-v3-legacy-request-response.json"));

        assertThat(t.userText()).isEqualTo("The Arc floor lamp, bought on 2 May.");
        assertThat(t.assistantText())
                .isEqualTo("You can return the Arc floor lamp until 1 June: 30 days from delivery.");
        assertThat(t.readFrom().source()).isEqualTo(TurnReader.SOURCE_PREVIEW).contains("legacy request/response");
        assertThat(t.readFrom().format()).isEqualTo("openai");
        assertThat(t.readFrom().spanId()).as("no span carried it").isNull();
    }

    @Test
    void non_chat_input_is_shown_as_its_json_not_as_a_value_guessed_out_of_it() {
        TurnText t = reader.read(only("hand-written/non-chat-config-io.json"));

        assertThat(t.userText()).isEqualTo("{\"config\":{\"model\":\"gpt-4\"}}");
        assertThat(t.assistantText()).isEqualTo("{\"result\":{\"model\":\"gpt-4\",\"temperature\":0.2}}");
        assertThat(t.readFrom().format()).isEqualTo("json");
        assertThat(t.readFrom().source()).isEqualTo(TurnReader.SOURCE_ROOT);
    }

    @Test
    void a_langgraph_turn_that_timed_out_has_no_answer_not_the_retrieval_steps_context() {
        TurnText t = reader.read(only("eval-dev/v1-seed5-langgraph-timeout-turn.json"));

        assertThat(t.userText()).isEqualTo("Can I choose my seat for free?");
        assertThat(t.assistantText()).as("the retrieve step's {context: [...]} is not an answer").isEmpty();
        assertThat(t.readFrom().source()).isEqualTo(TurnReader.SOURCE_ROOT + " + " + TurnReader.SOURCE_FAILED);
        assertThat(t.readFrom().spanName()).isEqualTo("LangGraph");
    }

    private static Trace only(String fixture) {
        List<Trace> traces = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (InputStream in = TurnReaderExportTest.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + fixture);
            new ExportReader().read(fixture, in, new ReadListener() {
                @Override
                public void trace(Trace trace, List<String> warnings) {
                    traces.add(trace);
                }

                @Override
                public void problem(@Nullable String traceRef, String message) {
                    problems.add(message);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problems).isEmpty();
        assertThat(traces).hasSize(1);
        return traces.getFirst();
    }
}
