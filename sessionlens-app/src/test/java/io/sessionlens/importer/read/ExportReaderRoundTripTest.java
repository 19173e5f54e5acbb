package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.json.TraceJsonWriter;
import io.sessionlens.trace.model.Trace;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonGenerator;

/**
 * Read → write as MLflow ≥3.6 JSON → read gives the same model: ids, times, attributes, events, assessments. (Lives
 * with the reader, not the writer, so that the test tree keeps the importer → trace dependency direction.)
 */
class ExportReaderRoundTripTest {

    static Stream<Arguments> exports() {
        return Stream.of(
                Arguments.of("01 MLflow 3.4",
                        Recorder.fixtureText("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json")),
                Arguments.of("02 current traces get", Templates.currentTraceGet()),
                Arguments.of("03 failed trace data", Templates.failedTraceData()),
                Arguments.of("05 MLflow 2.x", Recorder.fixtureText("mlflow-real/05-v2-trace-export.json")),
                Arguments.of("06 OpenInference",
                        Recorder.fixtureText("mlflow-real/06-ui-v3-trace-openinference-otel.json")),
                Arguments.of("07 UI with assessment",
                        Recorder.fixtureText("mlflow-real/07-ui-v3-trace-with-assessment.json")),
                Arguments.of("11 session-level assessment",
                        Recorder.fixtureText("mlflow-real/11-ui-trace-with-session-level-assessment.json")),
                Arguments.of("3.6 chat turn", Recorder.fixtureText("hand-written/v36-chat-turn-with-assessments.json")),
                Arguments.of("3.5 hex ids", Recorder.fixtureText("hand-written/v35-hex-ids-trace.json")),
                Arguments.of("REST traces/get", Recorder.fixtureText("hand-written/rest-traces-get-otlp.json")),
                Arguments.of("REST batchGet", Recorder.fixtureText("hand-written/rest-batch-get.json")),
                Arguments.of("search envelope", Recorder.fixtureText("hand-written/search-envelope-two-turns.json")),
                Arguments.of("2.x in progress", Recorder.fixtureText("hand-written/v2-in-progress-0x-ids.json")),
                Arguments.of("tree defects", Recorder.fixtureText("hand-written/tree-defects.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void reading_what_the_writer_wrote_gives_the_same_traces(String name, String export) {
        List<Trace> original = Recorder.read("original.json", export).traces;
        assertThat(original).isNotEmpty();

        for (Trace trace : original) {
            Recorder again = Recorder.read("rewritten.json", TraceJsonWriter.toJson(trace));

            assertThat(again.problems).isEmpty();
            assertThat(again.only()).isEqualTo(trace);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void compact_output_through_a_caller_generator_reads_back_the_same(String name, String export) {
        for (Trace trace : Recorder.read("original.json", export).traces) {
            StringWriter out = new StringWriter();
            try (JsonGenerator gen = ExportJson.MAPPER.createGenerator(out)) {
                TraceJsonWriter.write(trace, gen);
            }

            assertThat(out.toString()).doesNotContain("\n");
            assertThat(Recorder.read("compact.json", out.toString()).only()).isEqualTo(trace);
        }
    }
}
