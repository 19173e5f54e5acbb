package io.sessionlens.trace.json;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TraceJsonWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TRACE_ID = "tr-ee17184669c265ffdcf9299b36f6dccc";

    @Test
    void writes_spans_the_way_mlflow_3_6_does() {
        JsonNode spans = write(trace(info(Map.of(), List.of()), List.of(root(), unfinishedChild()))).at("/data/spans");

        JsonNode root = spans.get(0);
        assertThat(root.propertyNames()).containsExactly("trace_id", "span_id", "parent_span_id", "name",
                "start_time_unix_nano", "end_time_unix_nano", "events", "status", "attributes");
        assertThat(root.get("trace_id").stringValue()).isEqualTo("7hcYRmnCZf/c+SmbNvbczA==");
        assertThat(root.get("span_id").stringValue()).isEqualTo("3ElmHER9IVU=");
        assertThat(root.get("parent_span_id").isNull()).isTrue();
        assertThat(root.get("start_time_unix_nano").longValue()).isEqualTo(1761106494524157000L);
        assertThat(root.get("status").get("code").stringValue()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(root.get("status").get("message").stringValue()).isEqualTo("Exception: Error!");
        assertThat(root.get("attributes").get("mlflow.spanType").stringValue()).isEqualTo("\"AGENT\"");
        assertThat(root.at("/events/0/name").stringValue()).isEqualTo("exception");
        assertThat(root.at("/events/0/time_unix_nano").longValue()).isEqualTo(1761106494584000000L);
        assertThat(root.at("/events/0/attributes/exception.message").stringValue()).isEqualTo("Error!");

        JsonNode child = spans.get(1);
        assertThat(child.get("parent_span_id").stringValue()).isEqualTo("3ElmHER9IVU=");
        assertThat(child.get("end_time_unix_nano").isNull()).isTrue();
        assertThat(child.get("events").isArray()).isTrue();
        assertThat(child.get("events").isEmpty()).isTrue();
        assertThat(child.at("/status/code").stringValue()).isEqualTo("STATUS_CODE_UNSET");
    }

    @Test
    void writes_info_keys_in_mlflow_order_and_leaves_out_what_is_empty() {
        TraceInfo full = new TraceInfo(TRACE_ID, "12", Instant.parse("2025-10-22T04:14:54.524Z"), 60L, TraceState.OK,
                "\"abc\"", "\"def\"", "req-1", Map.of("mlflow.trace.session", "s-1"),
                Map.of("mlflow.traceName", "test"),
                List.of(feedbackFromRaw()));
        TraceInfo bare = new TraceInfo("tr-1", "0", Instant.parse("2025-10-22T04:14:54Z"), null, TraceState.IN_PROGRESS,
                null, null, null, Map.of(), Map.of(), List.of());

        JsonNode fullInfo = write(trace(full, List.of())).get("info");
        JsonNode bareInfo = write(trace(bare, List.of())).get("info");

        assertThat(fullInfo.propertyNames()).containsExactly("trace_id", "client_request_id", "trace_location",
                "request_time", "state", "trace_metadata", "assessments", "tags", "request_preview", "response_preview",
                "execution_duration_ms");
        assertThat(fullInfo.at("/trace_location/type").stringValue()).isEqualTo("MLFLOW_EXPERIMENT");
        assertThat(fullInfo.at("/trace_location/mlflow_experiment/experiment_id").stringValue()).isEqualTo("12");
        assertThat(fullInfo.get("request_time").stringValue()).isEqualTo("2025-10-22T04:14:54.524Z");
        assertThat(fullInfo.get("execution_duration_ms").longValue()).isEqualTo(60L);
        assertThat(bareInfo.propertyNames()).containsExactly("trace_id", "trace_location", "request_time", "state");
        assertThat(bareInfo.get("request_time").stringValue()).isEqualTo("2025-10-22T04:14:54Z");
        assertThat(bareInfo.get("state").stringValue()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void request_time_keeps_sub_millisecond_precision_when_there_is_some() {
        TraceInfo micro = new TraceInfo("tr-1", "0", Instant.parse("2025-11-05T12:00:00.123456Z"), null, TraceState.OK,
                null, null, null, Map.of(), Map.of(), List.of());

        assertThat(write(trace(micro, List.of())).at("/info/request_time").stringValue())
                .isEqualTo("2025-11-05T12:00:00.123456Z");
    }

    @Test
    void assessments_are_written_from_their_raw_json_so_unknown_fields_survive() {
        JsonNode written = write(trace(info(Map.of(), List.of(feedbackFromRaw())), List.of()))
                .at("/info/assessments/0");

        assertThat(written).isEqualTo(JSON.readTree(feedbackFromRaw().raw()));
        assertThat(written.get("future_field").stringValue()).isEqualTo("kept");
    }

    @Test
    void assessments_made_without_raw_json_are_written_from_their_fields() {
        Assessment failed = new Assessment("a-1", "safety", Assessment.Kind.FEEDBACK, "dc49661c447d2155",
                AssessmentSource.of("CODE", "safety"), Instant.parse("2025-01-01T00:00:00Z"), null, null, null,
                new AssessmentError("SCORER_ERROR", "timeout", null), null, Map.of("mlflow.trace.session", "s"), null,
                true, "");
        Assessment facts = new Assessment("a-2", "facts", Assessment.Kind.EXPECTATION, null,
                AssessmentSource.of("HUMAN", "bob"),
                null, null, null, new Assessment.SerializedValue("JSON_FORMAT", "[1, 2]"), null, "because", Map.of(),
                null, false, "");

        JsonNode list = write(trace(info(Map.of(), List.of(failed, facts)), List.of())).at("/info/assessments");

        assertThat(list.get(0).get("trace_id").stringValue()).isEqualTo(TRACE_ID);
        assertThat(list.get(0).get("span_id").stringValue()).isEqualTo("dc49661c447d2155");
        assertThat(list.get(0).at("/source/source_type").stringValue()).isEqualTo("CODE");
        assertThat(list.get(0).at("/feedback/value").isNull()).isTrue();
        assertThat(list.get(0).at("/feedback/error/error_code").stringValue()).isEqualTo("SCORER_ERROR");
        assertThat(list.get(0).at("/metadata/mlflow.trace.session").stringValue()).isEqualTo("s");
        assertThat(list.get(0).get("create_time").stringValue()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(list.get(1).at("/expectation/serialized_value/value").stringValue()).isEqualTo("[1, 2]");
        assertThat(list.get(1).get("valid").booleanValue()).isFalse();
        assertThat(list.get(1).has("metadata")).isFalse();
    }

    @Test
    void otel_trace_id_comes_from_the_mlflow_id_or_a_stable_hash_of_it() {
        assertThat(OtelTraceIds.base64For(TRACE_ID)).isEqualTo("7hcYRmnCZf/c+SmbNvbczA==");
        assertThat(OtelTraceIds.base64For("trace:/main.agents/ee17184669c265ffdcf9299b36f6dccc"))
                .isEqualTo("7hcYRmnCZf/c+SmbNvbczA==");
        assertThat(OtelTraceIds.base64For("58f4e27101304034b15c512b603bf1b2"))
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex("58f4e27101304034b15c512b603bf1b2")));
        String hashed = OtelTraceIds.base64For("tr-test-v3");
        assertThat(Base64.getDecoder().decode(hashed)).hasSize(16);
        assertThat(OtelTraceIds.base64For("tr-test-v3")).isEqualTo(hashed);
        assertThat(OtelTraceIds.base64For("tr-test-v4")).isNotEqualTo(hashed);
    }

    @Test
    void pretty_output_looks_like_the_mlflow_cli() {
        String json = TraceJsonWriter.toJson(trace(info(Map.of(), List.of()), List.of(unfinishedChild())));

        assertThat(json).startsWith("{\n  \"info\": {\n    \"trace_id\": \"" + TRACE_ID + "\",")
                .contains("\"events\": [],").contains("\"parent_span_id\": \"3ElmHER9IVU=\"");
    }

    private static JsonNode write(Trace trace) {
        return JSON.readTree(TraceJsonWriter.toJson(trace));
    }

    private static Trace trace(TraceInfo info, List<Span> spans) {
        return new Trace(info, spans);
    }

    private static TraceInfo info(Map<String, String> metadata, List<Assessment> assessments) {
        return new TraceInfo(TRACE_ID, "0", Instant.parse("2025-10-22T04:14:54.524Z"), 60L, TraceState.ERROR,
                null, null, null, metadata, Map.of(), assessments);
    }

    private static Span root() {
        return new Span("dc49661c447d2155", null, "chat", 1761106494524157000L, 1761106494584860000L, SpanStatus.ERROR,
                "Exception: Error!", Map.of("mlflow.spanType", "\"AGENT\""),
                List.of(new SpanEvent("exception", 1761106494584000000L,
                        Map.of("exception.type", "Exception", "exception.message", "Error!"))));
    }

    private static Span unfinishedChild() {
        return new Span("1122334455667788", "dc49661c447d2155", "tool", 1761106494530000000L, null, SpanStatus.UNSET,
                "",
                Map.of(), List.of());
    }

    private static Assessment feedbackFromRaw() {
        String raw = "{\"assessment_id\":\"a-raw\",\"assessment_name\":\"Relevance\",\"trace_id\":\"" + TRACE_ID + "\","
                + "\"source\":{\"source_type\":\"LLM_JUDGE\",\"source_id\":\"1\"},\"feedback\":{\"value\":0.75},"
                + "\"future_field\":\"kept\"}";
        return new Assessment("a-raw", "Relevance", Assessment.Kind.FEEDBACK, null,
                AssessmentSource.of("LLM_JUDGE", "1"),
                null, null, "0.75", null, null, null, Map.of(), null, true, raw);
    }
}
