package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.Trace;
import org.junit.jupiter.api.Test;

/** Every container an MLflow export arrives in, told apart by content and not by file name. */
class ExportReaderContainersTest {

    private static final String TURN_1 = "tr-aaaa0000bbbb1111cccc2222dddd3333";
    private static final String TURN_2 = "tr-aaaa0000bbbb1111cccc2222dddd4444";
    private static final String TURN_3 = "tr-aaaa0000bbbb1111cccc2222dddd5555";

    /** A minimal MLflow 3 trace as `mlflow traces get` prints it, with one root span. */
    static String trace(String traceId, String spanHex) {
        return """
                {"info":{"trace_id":"%s","trace_location":{"type":"MLFLOW_EXPERIMENT","mlflow_experiment":{"experiment_id":"7"}},\
                "request_time":"2025-12-01T09:00:00.000Z","state":"OK","execution_duration_ms":5},\
                "data":{"spans":[{"trace_id":"qqoAALu7ERHMzCIi3d0zMw==","span_id":"%s","parent_span_id":null,"name":"turn",\
                "start_time_unix_nano":1764579600000000000,"end_time_unix_nano":1764579600005000000,"events":[],\
                "status":{"code":"STATUS_CODE_OK","message":""},"attributes":{"mlflow.spanType":"\\"CHAIN\\""}}]}}"""
                .formatted(traceId, Templates.base64(spanHex));
    }

    @Test
    void traces_get_output_with_info_after_data_reads_the_same_as_info_first() {
        String infoFirst = trace(TURN_1, "00000000000000a1");
        int data = infoFirst.indexOf(",\"data\":");
        String dataFirst = "{" + infoFirst.substring(data + 1, infoFirst.length() - 1) + ","
                + infoFirst.substring(1, data) + "}";

        assertThat(Recorder.read("a.json", dataFirst).only()).isEqualTo(Recorder.read("b.json", infoFirst).only());
    }

    @Test
    void search_envelope_streams_each_trace_and_ignores_the_page_token() {
        Recorder r = Recorder.readFixture("hand-written/search-envelope-two-turns.json");

        assertThat(r.problems).isEmpty();
        assertThat(r.traceIds()).containsExactly(TURN_1, TURN_2);
        assertThat(r.trace(TURN_2).info().responsePreview()).isEqualTo("It ships today.");
        assertThat(r.trace(TURN_2).spans()).singleElement().extracting(Span::spanId).isEqualTo("0000000000000002");
    }

    @Test
    void extract_fields_search_output_with_only_ids_and_states_names_the_missing_request_time() {
        String extracted = """
                {"traces": [{"info": {"trace_id": "tr-1", "state": "OK"}}, {"info": {"trace_id": "tr-2", "state": "ERROR"}}],
                 "next_page_token": null}""";

        Recorder r = Recorder.read("extract.json", extracted);

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).extracting(Recorder.Problem::ref).containsExactly("tr-1", "tr-2");
        assertThat(r.problems).allSatisfy(p -> assertThat(p.message()).startsWith("no request time"));
    }

    @Test
    void json_array_of_traces_reads_every_element() {
        String array = "[" + trace(TURN_1, "00000000000000a1") + ",\n" + trace(TURN_2, "00000000000000a2") + "]";

        assertThat(Recorder.read("array.json", array).traceIds()).containsExactly(TURN_1, TURN_2);
    }

    @Test
    void json_lines_read_one_trace_per_line_whatever_the_file_is_called() {
        Recorder r = Recorder.read("export.json", Recorder.fixture("hand-written/three-turns.jsonl"));

        assertThat(r.problems).isEmpty();
        assertThat(r.traceIds()).containsExactly(TURN_1, TURN_2, TURN_3);
    }

    @Test
    void concatenated_pretty_printed_documents_each_become_a_trace() {
        String first = Recorder.fixtureText("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json");
        String second = Recorder.fixtureText("mlflow-real/05-v2-trace-export.json");

        Recorder r = Recorder.read("two.json", first + second);

        assertThat(r.problems).isEmpty();
        assertThat(r.traceIds()).containsExactly("tr-ee17184669c265ffdcf9299b36f6dccc",
                "58f4e27101304034b15c512b603bf1b2");
    }

    @Test
    void several_root_objects_on_one_line_are_all_read() {
        Recorder r = Recorder.read("one-line.json",
                trace(TURN_1, "00000000000000a1") + trace(TURN_2, "00000000000000a2") + "\n");

        assertThat(r.traceIds()).containsExactly(TURN_1, TURN_2);
    }

    @Test
    void rest_traces_get_answer_unwraps_trace_info_and_otlp_spans() {
        Trace trace = Recorder.readFixture("hand-written/rest-traces-get-otlp.json").only();

        assertThat(trace.traceId()).isEqualTo("tr-5d1c8e2f9a4b4c7d8e0f1a2b3c4d5e6f");
        assertThat(trace.info().sessionId()).hasValue("s-9");
        assertThat(trace.spans()).extracting(Span::name).containsExactly("agent", "llm");
    }

    @Test
    void rest_trace_info_answers_read_as_traces_without_spans() {
        String v3 = """
                {"trace": {"trace_info": {"trace_id": "tr-1", "request_time": "2025-01-01T00:00:00Z", "state": "OK",
                  "trace_location": {"type": "MLFLOW_EXPERIMENT", "mlflow_experiment": {"experiment_id": "2"}}}}}""";
        String v2 = """
                {"trace_info": {"request_id": "tr-2", "experiment_id": "2", "timestamp_ms": 1735689600000, "status": "OK",
                  "request_metadata": [{"key": "mlflow.trace.session", "value": "s"}], "tags": []}}""";

        Recorder r3 = Recorder.read("get.json", v3);
        Recorder r2 = Recorder.read("info.json", v2);

        assertThat(r3.only().info().experimentId()).isEqualTo("2");
        assertThat(r3.warningsOf("tr-1")).containsExactly("no spans");
        assertThat(r2.only().info().sessionId()).hasValue("s");
        assertThat(r2.warningsOf("tr-2")).containsExactly("no spans");
    }

    @Test
    void rest_batch_get_reads_each_trace_with_its_spans() {
        Recorder r = Recorder.readFixture("hand-written/rest-batch-get.json");

        assertThat(r.problems).isEmpty();
        assertThat(r.traces)
                .extracting(Trace::traceId, t -> t.spans().getFirst().name(), t -> t.info().executionDurationMs())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tr-11111111111111111111111111111111", "first", 250L),
                        org.assertj.core.groups.Tuple.tuple("tr-22222222222222222222222222222222", "second", 1000L));
    }

    @Test
    void v3_search_response_of_trace_infos_gives_traces_without_spans_with_a_warning() {
        String search = """
                {"traces": [
                  {"trace_id": "tr-a", "trace_location": {"type": "MLFLOW_EXPERIMENT", "mlflow_experiment": {"experiment_id": "1"}},
                   "request_time": "2025-01-01T00:00:00Z", "execution_duration": "1.0s", "state": "OK"},
                  {"trace_id": "tr-b", "trace_location": {"type": "MLFLOW_EXPERIMENT", "mlflow_experiment": {"experiment_id": "1"}},
                   "request_time": "2025-01-01T00:01:00Z", "execution_duration": "2.0s", "state": "ERROR"}],
                 "next_page_token": "tok"}""";

        Recorder r = Recorder.read("search.json", search);

        assertThat(r.traceIds()).containsExactly("tr-a", "tr-b");
        assertThat(r.warningsOf("tr-b"))
                .containsExactly("no spans: the export holds only the trace info, without span data");
    }

    @Test
    void batch_get_infos_answer_reads_its_trace_infos() {
        String infos = """
                {"trace_infos": [{"trace_id": "tr-x", "request_time": "2025-01-01T00:00:00Z", "state": "OK"}]}""";

        assertThat(Recorder.read("infos.json", infos).traceIds()).containsExactly("tr-x");
    }

    @Test
    void trace_data_alone_takes_the_json_decoded_trace_id_from_the_spans() {
        String data = """
                {"spans": [{"span_id": "AAAAAAAAAAE=", "parent_span_id": null, "name": "root",
                  "start_time_unix_nano": 1000000000, "end_time_unix_nano": 3000000000,
                  "attributes": {"mlflow.traceRequestId": "\\"tr-from-spans\\""}}]}""";

        Recorder r = Recorder.read("traces.json", data);

        Trace trace = r.only();
        assertThat(trace.traceId()).isEqualTo("tr-from-spans");
        assertThat(trace.info().executionDurationMs()).isEqualTo(2000L);
        assertThat(r.warningsOf("tr-from-spans")).containsExactly(
                "no request time; used the earliest span start, 1970-01-01T00:00:01Z",
                "no experiment id; filed under experiment 0 (MLflow's default experiment)");
    }

    @Test
    void trace_data_whose_spans_do_not_name_the_trace_is_a_problem() {
        Recorder r = Recorder.read("traces.json", """
                {"spans": [{"span_id": "AAAAAAAAAAE=", "name": "root", "start_time_unix_nano": 1}]}""");

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isEqualTo("line 1"); // a compact one-line file reads as JSON Lines
            assertThat(p.message()).startsWith("no trace id");
        });
    }

    @Test
    void envelope_elements_that_are_not_traces_are_reported_and_the_rest_is_read() {
        String envelope = "{\"traces\": [42, {\"foo\": 1}, " + trace(TURN_1, "00000000000000a1") + ", \"x\"]}";

        Recorder r = Recorder.read("search.json", envelope);

        assertThat(r.traceIds()).containsExactly(TURN_1);
        assertThat(r.problems).containsExactly(
                new Recorder.Problem("trace #1", "expected a trace object, found a number"),
                new Recorder.Problem("trace #2",
                        "not an MLflow trace: found keys foo (expected info and data, traces, trace, trace_info or spans)"),
                new Recorder.Problem("trace #4", "expected a trace object, found a string"));
    }

    @Test
    void empty_search_result_imports_nothing_and_reports_nothing() {
        Recorder r = Recorder.read("search.json", "{\"traces\": [], \"next_page_token\": null}");

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).isEmpty();
    }
}
