package io.sessionlens.importer.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.model.Assessment;
import io.sessionlens.trace.model.AssessmentSource;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceInfo;
import io.sessionlens.trace.model.TraceState;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real MLflow fixtures (see src/test/resources/fixtures/README.md), read as a user would upload them. */
class ExportReaderRealFixturesTest {

    @Test
    void mlflow_3_4_trace_reads_with_base64_ids_decoded_and_empty_parent_as_root() {
        Recorder r = Recorder.readFixture("mlflow-real/01-v3-trace-to-dict-mlflow34-simple.json");

        Trace trace = r.only();
        TraceInfo info = trace.info();
        assertThat(info.traceId()).isEqualTo("tr-ee17184669c265ffdcf9299b36f6dccc");
        assertThat(info.experimentId()).isEqualTo("0");
        assertThat(info.requestTime()).isEqualTo(Instant.parse("2025-10-22T04:14:54.524Z"));
        assertThat(info.executionDurationMs()).isEqualTo(60L);
        assertThat(info.state()).isEqualTo(TraceState.OK);
        assertThat(info.requestPreview()).isEqualTo("\"abc\"");
        assertThat(info.responsePreview()).isEqualTo("\"def\"");
        assertThat(info.metadata()).hasSize(10).containsEntry("mlflow.user", "serena.ruan")
                .containsEntry("mlflow.source.git.branch", "branch-3.4").containsEntry("mlflow.traceInputs", "\"abc\"");
        assertThat(info.tags()).containsOnlyKeys("mlflow.artifactLocation", "mlflow.traceName");

        Span span = trace.spans().getFirst();
        assertThat(span.spanId()).isEqualTo("dc49661c447d2155"); // base64 3ElmHER9IVU=
        assertThat(span.parentSpanId()).isNull(); // written as "" by 3.0–3.4
        assertThat(span.name()).isEqualTo("test");
        assertThat(span.startTimeUnixNano()).isEqualTo(1761106494524157000L);
        assertThat(span.endTimeUnixNano()).isEqualTo(1761106494584860000L);
        assertThat(span.status()).isEqualTo(SpanStatus.OK);
        assertThat(span.statusMessage()).isEmpty();
        assertThat(span.attributes()).hasSize(5).containsEntry("mlflow.spanType", "\"UNKNOWN\"")
                .containsEntry("mlflow.traceRequestId", "\"tr-ee17184669c265ffdcf9299b36f6dccc\"")
                .containsEntry("test", "\"test\"");
        assertThat(span.events()).isEmpty();
        assertThat(r.warningsOf(info.traceId())).isEmpty();
    }

    @Test
    void current_traces_get_shape_reads_root_with_null_parent_and_its_child() {
        Recorder r = Recorder.read("02.json", Templates.currentTraceGet());

        Trace trace = r.only();
        assertThat(trace.traceId()).isEqualTo(Templates.TRACE_ID);
        assertThat(trace.info().executionDurationMs()).isEqualTo(42L);
        assertThat(trace.info().metadata()).containsEntry("mlflow.trace.infoFinalized", "true").hasSize(12);
        assertThat(trace.info().tags()).containsEntry("mlflow.traceName", "predict");
        assertThat(trace.spans()).extracting(Span::name, Span::spanId, Span::parentSpanId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("predict", Templates.ROOT_HEX, null),
                org.assertj.core.groups.Tuple.tuple("add_one_with_custom_name", Templates.CHILD_HEX,
                        Templates.ROOT_HEX));
        Span child = trace.spans().get(1);
        assertThat(child.spanType()).isEqualTo("LLM");
        assertThat(child.attributes()).containsEntry("delta", "1").containsEntry("metadata", "{\"foo\": \"bar\"}");
        assertThat(trace.tree().root()).map(Span::name).hasValue("predict");
        assertThat(r.warningsOf(Templates.TRACE_ID)).isEmpty();
    }

    @Test
    void failed_trace_data_without_info_takes_its_id_from_the_spans_and_keeps_exception_events() {
        Recorder r = Recorder.read("traces.json", Templates.failedTraceData());

        Trace trace = r.only();
        assertThat(trace.traceId()).isEqualTo(Templates.TRACE_ID);
        assertThat(trace.info().requestTime()).isEqualTo(Instant.EPOCH.plusNanos(Templates.ROOT_START));
        assertThat(trace.info().executionDurationMs()).isEqualTo(42L);
        assertThat(r.warningsOf(Templates.TRACE_ID)).anyMatch(w -> w.startsWith("no request time"))
                .anyMatch(w -> w.startsWith("no experiment id"));

        Span root = trace.spans().getFirst();
        assertThat(root.status()).isEqualTo(SpanStatus.ERROR);
        assertThat(root.statusMessage()).isEqualTo("Exception: Error!");
        assertThat(root.events()).singleElement().satisfies(e -> {
            assertThat(e.isException()).isTrue();
            assertThat(e.attribute("exception.message")).isEqualTo("Error!"); // event attributes are not JSON-encoded
            assertThat(e.attribute("exception.type")).isEqualTo("Exception");
        });
        assertThat(trace.spans().get(1).events()).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsExactlyEntriesOf(java.util.Map.of("foo", "bar")));
        assertThat(trace.spans().get(2).hasError()).isTrue();
    }

    @Test
    void a_lone_span_is_reported_as_not_a_whole_trace() {
        Recorder r = Recorder.readFixture("mlflow-real/04-v3-span-error-status.json");

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isNull();
            assertThat(p.message()).startsWith("a single span, not a whole trace").contains("span_id");
        });
    }

    @Test
    void mlflow_2_trace_reads_request_id_v2_spans_and_request_response_as_previews() {
        Recorder r = Recorder.readFixture("mlflow-real/05-v2-trace-export.json");

        Trace trace = r.only();
        TraceInfo info = trace.info();
        assertThat(info.traceId()).isEqualTo("58f4e27101304034b15c512b603bf1b2");
        assertThat(info.experimentId()).isEqualTo("0");
        assertThat(info.requestTime()).isEqualTo(Instant.ofEpochMilli(100));
        assertThat(info.executionDurationMs()).isEqualTo(200L);
        assertThat(info.state()).isEqualTo(TraceState.OK);
        assertThat(info.metadata()).containsEntry("mlflow.trace_schema.version", "2").hasSize(3);
        assertThat(info.tags()).containsEntry("mlflow.traceName", "predict").hasSize(4);
        assertThat(info.requestPreview()).isEqualTo("{\"x\": 2, \"y\": 5}");
        assertThat(info.responsePreview()).isEqualTo("8");
        assertThat(info.assessments()).isEmpty();
        assertThat(trace.spans())
                .extracting(Span::spanId, Span::parentSpanId, Span::startTimeUnixNano, Span::endTimeUnixNano)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0d48a6670588966b", null, 100L, 200L),
                        org.assertj.core.groups.Tuple.tuple("6fc32f36ef591f60", "0d48a6670588966b", 300L, 400L));
        assertThat(trace.spans()).allSatisfy(s -> assertThat(s.status()).isEqualTo(SpanStatus.OK));
        assertThat(trace.spans().get(1).attributes()).containsEntry("datetime", "\"2025-04-29 08:37:06.772253\"");
    }

    @Test
    void openinference_trace_keeps_plain_text_attributes_and_string_times() {
        Recorder r = Recorder.readFixture("mlflow-real/06-ui-v3-trace-openinference-otel.json");

        Trace trace = r.only();
        assertThat(trace.traceId()).isEqualTo("tr-b4b75f11c8c04dd7fddae56c28c6ccfd");
        assertThat(trace.info().experimentId()).isEqualTo("1");
        assertThat(trace.info().executionDurationMs()).isEqualTo(1554L); // "1.554s"
        assertThat(trace.info().tags()).containsEntry("mlflow.trace.spansLocation", "tracking_store");
        Span root = trace.spans().get(0);
        Span tool = trace.spans().get(1);
        assertThat(root.spanId()).isEqualTo("8bc5e81f989ba467");
        assertThat(root.parentSpanId()).isNull();
        assertThat(root.startTimeUnixNano()).isEqualTo(1757912311704325000L);
        assertThat(root.status()).isEqualTo(SpanStatus.UNSET);
        assertThat(root.statusMessage()).isEmpty();
        assertThat(root.attribute("input.value")).isEqualTo("Now multiply that result by 3");
        assertThat(tool.spanId()).isEqualTo("cae859c4a7f7a7cc");
        assertThat(tool.parentSpanId()).isEqualTo("8bc5e81f989ba467");
        assertThat(tool.spanType()).isEqualTo("TOOL");
        assertThat(tool.attribute("tool_call.function.arguments")).isEqualTo("{\"expression\": \"25 * 3\"}");
    }

    @Test
    void ui_trace_reads_its_llm_judge_assessment_and_three_level_tree() {
        Recorder r = Recorder.readFixture("mlflow-real/07-ui-v3-trace-with-assessment.json");

        Trace trace = r.only();
        assertThat(trace.traceId()).isEqualTo("tr-test-v3");
        assertThat(trace.info().experimentId()).isEqualTo("3363486573189371");
        assertThat(trace.info().executionDurationMs()).isEqualTo(32583L);
        assertThat(trace.info().metadata()).containsEntry("mlflow.sourceRun", "3129ab3cda944e88a995098fea73a808");
        assertThat(trace.info().tags()).isEmpty();
        assertThat(trace.spans()).extracting(Span::spanId, Span::parentSpanId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a96bcf7b57a48b3d", null),
                org.assertj.core.groups.Tuple.tuple("31323334", "a96bcf7b57a48b3d"),
                org.assertj.core.groups.Tuple.tuple("3132333435", "31323334"));
        assertThat(trace.spans().get(2).spanType()).isEqualTo("LLM");
        assertThat(trace.spans().get(2).endTimeUnixNano()).isEqualTo(25_000_000_000L);

        Assessment a = trace.info().assessments().getFirst();
        assertThat(a.assessmentId()).isEqualTo("a-test-1");
        assertThat(a.name()).isEqualTo("Relevance");
        assertThat(a.kind()).isEqualTo(Assessment.Kind.FEEDBACK);
        assertThat(a.source()).isEqualTo(new AssessmentSource("LLM_JUDGE", "1"));
        assertThat(a.valueJson()).isEqualTo("\"5\"");
        assertThat(a.spanId()).isNull();
        assertThat(a.rationale()).isEqualTo("The thought process is sound and follows from the request");
        assertThat(a.createTime()).isEqualTo(Instant.parse("2025-04-19T09:04:07.875Z"));
        assertThat(a.valid()).isTrue();
        assertThat(a.raw()).startsWith("{\"assessment_id\":\"a-test-1\"").contains("\"rationale\"");
    }

    @Test
    void mlflow_2_rest_trace_info_with_key_value_lists_reads_as_trace_without_spans() {
        Recorder r = Recorder.readFixture("mlflow-real/08-ui-v2-trace-info-rest.json");

        Trace trace = r.only();
        assertThat(trace.traceId()).isEqualTo("tr-5dfafe5bde684ea5809f0f9524540ce4");
        assertThat(trace.info().experimentId()).isEqualTo("3363486573189371");
        assertThat(trace.info().requestTime()).isEqualTo(Instant.ofEpochMilli(1740026648570L));
        assertThat(trace.info().executionDurationMs()).isEqualTo(1546L);
        assertThat(trace.info().metadata()).containsExactly(
                java.util.Map.entry("mlflow.trace_schema.version", "2"),
                java.util.Map.entry("mlflow.traceInputs", "\"test inputs\""),
                java.util.Map.entry("mlflow.traceOutputs", "\"test outputs\""));
        assertThat(trace.info().tags()).isEmpty();
        assertThat(trace.spans()).isEmpty();
        assertThat(r.warningsOf(trace.traceId())).anyMatch(w -> w.startsWith("no spans"));
    }

    @Test
    void array_of_trace_infos_reads_three_turns_of_two_sessions() {
        Recorder r = Recorder.readFixture("mlflow-real/09-ui-v3-trace-infos-two-sessions.json");

        assertThat(r.problems).isEmpty();
        assertThat(r.traceIds()).containsExactly("tr-22", "tr-21", "tr-11");
        assertThat(r.traces).extracting(t -> t.info().sessionId().orElseThrow())
                .containsExactly("session-2", "session-2", "session-1");
        assertThat(r.trace("tr-21").info().requestPreview()).isEqualTo("Session 2 turn 1 request");
        assertThat(r.trace("tr-21").info().executionDurationMs()).isEqualTo(1000L);
        assertThat(r.warnings.values()).allSatisfy(w -> assertThat(w).anyMatch(s -> s.startsWith("no spans")));
    }

    @Test
    void assessment_collection_is_not_a_trace_and_the_message_lists_its_keys() {
        Recorder r = Recorder.readFixture("mlflow-real/10-ui-assessments-feedback-expectation-override.json");

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isNull();
            assertThat(p.message()).startsWith("not an MLflow trace: found keys MOCK_ASSESSMENT, MOCK_EXPECTATION");
        });
    }

    @Test
    void session_level_assessment_is_recognised_next_to_per_turn_ones() {
        Recorder r = Recorder.readFixture("mlflow-real/11-ui-trace-with-session-level-assessment.json");

        Trace trace = r.only();
        assertThat(trace.traceId()).isEqualTo("trace-1");
        assertThat(trace.info().experimentId()).isEqualTo("exp-1");
        assertThat(trace.info().executionDurationMs()).isNull();
        assertThat(trace.info().assessments()).extracting(Assessment::name, Assessment::isSessionLevel).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Relevance", false),
                org.assertj.core.groups.Tuple.tuple("SessionRelevance", true),
                org.assertj.core.groups.Tuple.tuple("Correctness", false));
        assertThat(trace.info().assessments().get(1).metadata()).containsEntry("mlflow.trace.session", "session-123");
        assertThat(r.warningsOf("trace-1")).containsExactly("no spans");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12-span-io-openai-chat-completions.json", "13-span-io-langchain-chat.json",
            "14-span-io-anthropic-messages.json",
            "15-span-io-gemini.json", "16-span-io-bedrock-converse-tool-use.json"})
    void span_payload_files_are_reported_as_not_traces(String file) {
        Recorder r = Recorder.readFixture("mlflow-real/" + file);

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.ref()).isNull();
            assertThat(p.message()).startsWith("not an MLflow trace: found keys MOCK_");
        });
    }

    @Test
    void otel_message_arrays_are_reported_element_by_element() {
        Recorder r = Recorder.readFixture("mlflow-real/17-span-io-otel-genai-messages.json");

        assertThat(r.traces).isEmpty();
        assertThat(r.problems).containsExactly(
                new Recorder.Problem("trace #1", "expected a trace object, found a list"),
                new Recorder.Problem("trace #2", "expected a trace object, found a list"),
                new Recorder.Problem("trace #3", "expected a trace object, found a list"));
    }
}
