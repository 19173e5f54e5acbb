package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentError;
import io.sessionlens.trace.model.AssessmentSource;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanEvent;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import io.sessionlens.trace.model.TraceState;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dialects MLflow wrote over the years (spec §1, §9), all read into one model. */
class ExportReaderDialectsTest {

    @Test
    void mlflow_3_6_trace_reads_assessments_of_every_kind() {
        Trace trace = Recorder.readFixture("hand-written/v36-chat-turn-with-assessments.json").only();

        assertThat(trace.info().clientRequestId()).isEqualTo("req-42");
        assertThat(trace.info().state()).isEqualTo(TraceState.ERROR);
        assertThat(trace.info().assessments())
                .extracting(Assessment::assessmentId, Assessment::kind, Assessment::valueJson)
                .containsExactly(
                        tuple("a-frustration", Assessment.Kind.FEEDBACK, "\"unresolved\""),
                        tuple("a-scorer-failed", Assessment.Kind.FEEDBACK, null),
                        tuple("a-legacy-error", Assessment.Kind.FEEDBACK, null),
                        tuple("a-facts", Assessment.Kind.EXPECTATION, null),
                        tuple("a-answer", Assessment.Kind.EXPECTATION, "{\"city\":\"Paris\",\"celsius\":18}"),
                        tuple("a-issue", Assessment.Kind.ISSUE, "\"weather tool outage\""),
                        tuple("a-thumbs-1", Assessment.Kind.FEEDBACK, "\"up\""),
                        tuple("a-thumbs-2", Assessment.Kind.FEEDBACK, "\"down\""),
                        tuple("a-tool-call", Assessment.Kind.FEEDBACK, "true"));

        Map<String, Assessment> byId = trace.info().assessments().stream()
                .collect(java.util.stream.Collectors.toMap(Assessment::assessmentId, a -> a));
        assertThat(byId.get("a-frustration").isSessionLevel()).isTrue();
        assertThat(byId.get("a-frustration").metadata()).containsEntry("mlflow.assessment.judgeCost", "0.0012");
        assertThat(byId.get("a-scorer-failed").isScorerError()).isTrue();
        assertThat(byId.get("a-scorer-failed").error())
                .isEqualTo(new AssessmentError("SCORER_ERROR", "judge timed out", "Traceback ...\nTimeoutError"));
        assertThat(byId.get("a-legacy-error").error())
                .isEqualTo(new AssessmentError("RATE_LIMIT", "429 Too Many Requests", null));
        assertThat(byId.get("a-legacy-error").source()).isEqualTo(new AssessmentSource("LLM_JUDGE", "safety-judge"));
        assertThat(byId.get("a-facts").serializedValue())
                .isEqualTo(new Assessment.SerializedValue("JSON_FORMAT", "[\"Paris is in France\", \"It is 18°C\"]"));
        assertThat(byId.get("a-thumbs-1").valid()).isFalse();
        assertThat(byId.get("a-thumbs-2").overrides()).isEqualTo("a-thumbs-1");
        assertThat(byId.get("a-thumbs-2").lastUpdateTime()).isEqualTo(Instant.parse("2025-11-20T10:17:00Z"));
        assertThat(byId.get("a-tool-call").spanId()).isEqualTo("1122334455667788");
    }

    @Test
    void mlflow_3_6_spans_keep_events_unfinished_spans_and_error_status() {
        Trace trace = Recorder.readFixture("hand-written/v36-chat-turn-with-assessments.json").only();

        assertThat(trace.spans()).extracting(Span::name, Span::parentSpanId, Span::status).containsExactly(
                tuple("chat", null, SpanStatus.ERROR),
                tuple("ChatOpenAI", "a1b2c3d4e5f60718", SpanStatus.OK),
                tuple("get_weather", "a1b2c3d4e5f60718", SpanStatus.ERROR),
                tuple("retry_get_weather", "99aabbccddeeff00", SpanStatus.UNSET));
        Span root = trace.spans().getFirst();
        assertThat(root.statusMessage()).isEqualTo("RuntimeError: weather service unavailable");
        assertThat(root.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("exception");
            assertThat(e.attributes()).containsEntry("exception.escaped", "False")
                    .containsEntry("exception.message", "weather service unavailable");
        });
        assertThat(trace.spans().get(1).events()).extracting(SpanEvent::name).containsExactly("mlflow.chunk.item.0");
        assertThat(trace.spans().get(1).attribute("mlflow.message.format")).isEqualTo("\"openai\"");
        assertThat(trace.spans().get(3).endTimeUnixNano()).isNull();
    }

    @Test
    void mlflow_3_5_hex_ids_and_short_status_codes_read_like_the_other_versions() {
        Trace trace = Recorder.readFixture("hand-written/v35-hex-ids-trace.json").only();

        assertThat(trace.traceId()).isEqualTo("tr-0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        assertThat(trace.info().requestTime()).isEqualTo(Instant.parse("2025-10-15T08:00:00Z"));
        assertThat(trace.spans()).extracting(Span::spanId, Span::parentSpanId, Span::status, Span::statusMessage)
                .containsExactly(
                        tuple("00f067aa0ba902b7", null, SpanStatus.OK, ""),
                        tuple("53995c3f42cd8ad8", "00f067aa0ba902b7", SpanStatus.ERROR, "ValueError: bad input"));
        assertThat(trace.spans().get(1).hasError()).isTrue();
    }

    @Test
    void mlflow_2_in_progress_trace_with_0x_ids_reads_events_and_assessment() {
        Recorder r = Recorder.readFixture("hand-written/v2-in-progress-0x-ids.json");

        Trace trace = r.only();
        TraceInfo info = trace.info();
        assertThat(info.traceId()).isEqualTo("9c2b8f4e6a1d4e0f8b3c5d7e9f1a2b3c");
        assertThat(info.experimentId()).isEqualTo("5");
        assertThat(info.requestTime()).isEqualTo(Instant.ofEpochMilli(1741000000123L));
        assertThat(info.state()).isEqualTo(TraceState.IN_PROGRESS);
        assertThat(info.executionDurationMs()).isNull(); // unknown while in progress, and the root has no end
        assertThat(info.requestPreview()).isEqualTo("{\"question\": \"why?\"}");
        assertThat(info.responsePreview()).isNull();
        assertThat(info.assessments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("relevance");
            assertThat(a.valueJson()).isEqualTo("4");
        });
        assertThat(trace.spans()).extracting(Span::spanId, Span::parentSpanId, Span::endTimeUnixNano).containsExactly(
                tuple("7f3a9b2c1d4e5f60", null, null),
                tuple("0a1b2c3d4e5f6071", "7f3a9b2c1d4e5f60", 1741000000900000000L));
        Span search = trace.spans().get(1);
        assertThat(search.statusMessage()).isEqualTo("IndexError: empty");
        assertThat(search.events()).singleElement().satisfies(e -> {
            assertThat(e.timeUnixNano()).isEqualTo(1741000000899000000L);
            assertThat(e.attributes()).containsEntry("exception.escaped", "false"); // a JSON boolean, kept as its JSON text
        });
        assertThat(r.warningsOf(info.traceId())).isEmpty();
    }

    @Test
    void rest_otlp_attributes_become_json_encoded_strings_like_mlflow_stores_them() {
        Trace trace = Recorder.readFixture("hand-written/rest-traces-get-otlp.json").only();

        Span agent = trace.spans().getFirst();
        assertThat(agent.attributes()).containsExactly(
                Map.entry("mlflow.spanType", "\"AGENT\""),
                Map.entry("mlflow.spanInputs", "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}"),
                Map.entry("mlflow.spanOutputs", "\"hello\""),
                Map.entry("retries", "2"),
                Map.entry("temperature", "0.7"),
                Map.entry("streamed", "false"),
                Map.entry("mlflow.traceRequestId", "\"tr-5d1c8e2f9a4b4c7d8e0f1a2b3c4d5e6f\""));
        assertThat(agent.spanType()).isEqualTo("AGENT");
        assertThat(agent.startTimeUnixNano()).isEqualTo(1762344000123456000L);
        assertThat(agent.parentSpanId()).isNull();
        assertThat(agent.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("retry");
            assertThat(e.timeUnixNano()).isEqualTo(1762344001123456000L);
            assertThat(e.attributes()).isEqualTo(Map.of("attempt", "1", "reason", "timeout")); // events stay raw
        });
        Span llm = trace.spans().get(1);
        assertThat(llm.parentSpanId()).isEqualTo("7a6b5c4d3e2f1a0b");
        assertThat(llm.status()).isEqualTo(SpanStatus.ERROR);
        assertThat(llm.statusMessage()).isEqualTo("RateLimitError: slow down");
        assertThat(trace.info().requestTime()).isEqualTo(Instant.parse("2025-11-05T12:00:00.123456Z"));
        assertThat(trace.info().executionDurationMs()).isEqualTo(2500L);
    }

    @Test
    void request_time_accepts_zero_three_six_and_nine_fraction_digits_and_epoch_millis() {
        assertThat(requestTimeOf("\"2025-10-22T04:14:54Z\"")).isEqualTo(Instant.parse("2025-10-22T04:14:54Z"));
        assertThat(requestTimeOf("\"2025-10-22T04:14:54.524Z\"")).isEqualTo(Instant.parse("2025-10-22T04:14:54.524Z"));
        assertThat(requestTimeOf("\"2025-10-22T04:14:54.524157Z\""))
                .isEqualTo(Instant.parse("2025-10-22T04:14:54.524157Z"));
        assertThat(requestTimeOf("\"2025-10-22T04:14:54.524157123Z\""))
                .isEqualTo(Instant.parse("2025-10-22T04:14:54.524157123Z"));
        assertThat(requestTimeOf("1761106494524")).isEqualTo(Instant.ofEpochMilli(1761106494524L));
        assertThat(requestTimeOf("\"1761106494524\"")).isEqualTo(Instant.ofEpochMilli(1761106494524L));
    }

    @Test
    void duration_comes_from_each_spelling_and_else_from_the_root_span() {
        assertThat(durationOf("\"execution_duration_ms\": 60")).isEqualTo(60L);
        assertThat(durationOf("\"execution_duration\": \"1.5s\"")).isEqualTo(1500L);
        assertThat(durationOf("\"execution_duration\": \"32.583s\"")).isEqualTo(32583L);
        assertThat(durationOf("\"execution_time_ms\": 200")).isEqualTo(200L);
        assertThat(durationOf("\"execution_time_ms\": null")).isEqualTo(7L); // root span: 7 ms
    }

    @Test
    void hand_built_non_string_attribute_values_are_kept_as_compact_json() {
        Trace trace = Recorder.read("t.json", """
                {"info": {"trace_id": "tr-1", "request_time": "2025-01-01T00:00:00Z"},
                 "data": {"spans": [{"span_id": "00000000000000a1", "name": "s", "start_time_unix_nano": 1,
                   "attributes": {"count": 3, "ratio": 0.5, "flag": true, "obj": {"a": [1, 2]}, "nothing": null,
                                  "text": "plain words", "encoded": "\\"quoted\\""},
                   "events": [{"name": "e", "time_unix_nano": 2, "attributes": {"n": 4, "s": "raw"}}]}]}}""").only();

        assertThat(trace.spans().getFirst().attributes()).containsExactly(
                Map.entry("count", "3"), Map.entry("ratio", "0.5"), Map.entry("flag", "true"),
                Map.entry("obj", "{\"a\":[1,2]}"), Map.entry("nothing", "null"),
                Map.entry("text", "plain words"), Map.entry("encoded", "\"quoted\""));
        assertThat(trace.spans().getFirst().events().getFirst().attributes()).isEqualTo(Map.of("n", "4", "s", "raw"));
    }

    @Test
    void missing_experiment_falls_back_to_the_default_with_a_warning() {
        Recorder r = Recorder.read("t.json", """
                {"info": {"trace_id": "tr-uc", "request_time": "2025-01-01T00:00:00Z",
                  "trace_location": {"type": "UC_SCHEMA", "uc_schema": {"catalog_name": "c", "schema_name": "s"}}},
                 "data": {"spans": []}}""");

        assertThat(r.only().info().experimentId()).isEqualTo(TraceInfo.DEFAULT_EXPERIMENT);
        assertThat(r.warningsOf("tr-uc"))
                .contains("the trace location is UC_SCHEMA, not an MLflow experiment; filed under experiment 0");
    }

    @Test
    void databricks_v4_trace_ids_are_kept_as_they_are() {
        Trace trace = Recorder.read("t.json",
                """
                        {"info": {"trace_id": "trace:/main.agents/0f1e2d3c4b5a69788796a5b4c3d2e1f0", "request_time": "2025-01-01T00:00:00Z",
                          "trace_location": {"type": "MLFLOW_EXPERIMENT", "mlflow_experiment": {"experiment_id": "9"}}}, "data": {"spans": []}}""")
                .only();

        assertThat(trace.traceId()).isEqualTo("trace:/main.agents/0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    }

    private static Instant requestTimeOf(String requestTimeJson) {
        return Recorder
                .read("t.json", "{\"info\": {\"trace_id\": \"tr-1\", \"request_time\": " + requestTimeJson + "}}")
                .only().info().requestTime();
    }

    private static Long durationOf(String durationField) {
        return Recorder.read("t.json", """
                {"info": {"request_id": "r-1", "timestamp_ms": 5, %s},
                 "data": {"spans": [{"context": {"span_id": "00000000000000a1"}, "parent_id": null, "name": "root",
                   "start_time": 1000000, "end_time": 8000000, "status_code": "OK"}]}}""".formatted(durationField))
                .only().info().executionDurationMs();
    }
}
