package io.sessionlens.demodata.dialect;

import static io.sessionlens.demodata.Fixtures.keys;
import static io.sessionlens.demodata.Fixtures.mlflowReal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.demodata.Fixtures;
import io.sessionlens.demodata.container.JsonOutput;
import io.sessionlens.demodata.trace.DemoAssessment;
import io.sessionlens.demodata.trace.DemoEvent;
import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.DemoTrace;
import io.sessionlens.demodata.trace.DemoTraceState;
import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.ScorerError;
import io.sessionlens.demodata.trace.SpanStatusCode;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Each dialect writer against the real MLflow output of its version (fixtures 01, 02, 03, 05, 06, 07, 10, 11). */
class DialectWritersTest {

    @Test
    void writing_fixture_01s_trace_as_mlflow_3_0_to_3_4_reproduces_fixture_01() {
        Map<String, String> metadata = new LinkedHashMap<>();
        mlflowReal("01-v3-trace-to-dict-mlflow34-simple.json").path("info").path("trace_metadata").properties()
                .forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        DemoSpan root = new DemoSpan("dc49661c447d2155", null, "test", "UNKNOWN", 1761106494524157000L,
                1761106494584860000L, SpanStatusCode.OK, "", Json.str("abc"), Json.str("def"),
                Map.of("test", Json.str("test")), List.of());
        DemoTrace trace = new DemoTrace("tr-ee17184669c265ffdcf9299b36f6dccc", "ee17184669c265ffdcf9299b36f6dccc", "0",
                Instant.parse("2025-10-22T04:14:54.524Z"), 60L, DemoTraceState.OK, "\"abc\"", "\"def\"", metadata,
                tags("mlflow.artifactLocation", "mlflow-artifacts:/0/traces", "mlflow.traceName", "test"), List.of(),
                List.of(root));

        assertThat(write(Dialect.MLFLOW_3_0_TO_3_4, trace))
                .isEqualTo(mlflowReal("01-v3-trace-to-dict-mlflow34-simple.json"));
    }

    @Test
    void writing_fixture_05s_trace_as_mlflow_2_reproduces_fixture_05() {
        ObjectNode xy = Json.obj();
        xy.put("x", 2);
        xy.put("y", 5);
        DemoSpan predict = new DemoSpan("0d48a6670588966b", null, "predict", "UNKNOWN", 100, 200L, SpanStatusCode.OK,
                "",
                xy, Json.num(8), Map.of("mlflow.spanFunctionName", Json.str("predict")), List.of());
        ObjectNode z = Json.obj();
        z.put("z", 7);
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("delta", Json.num(1));
        extra.put("metadata", Json.obj().put("foo", "bar"));
        extra.put("datetime", Json.str("2025-04-29 08:37:06.772253"));
        extra.put("mlflow.spanFunctionName", Json.str("add_one"));
        DemoSpan addOne = new DemoSpan("6fc32f36ef591f60", "0d48a6670588966b", "add_one_with_custom_name", "LLM", 300,
                400L, SpanStatusCode.OK, "", z, Json.num(8), extra, List.of());
        Map<String, String> metadata = tags("mlflow.trace_schema.version", "2", "mlflow.traceInputs",
                "{\"x\": 2, \"y\": 5}",
                "mlflow.traceOutputs", "8");
        Map<String, String> tags = tags("mlflow.source.name", "test", "mlflow.source.type", "LOCAL",
                "mlflow.traceName", "predict", "mlflow.artifactLocation", "/path/to/artifact");
        DemoTrace trace = new DemoTrace("58f4e27101304034b15c512b603bf1b2", "63076d0c1b90f1df0970f897dc428bd6", "0",
                Instant.ofEpochMilli(100), 200L, DemoTraceState.OK, null, null, metadata, tags, List.of(),
                List.of(predict, addOne));

        assertThat(write(Dialect.MLFLOW_2, trace)).isEqualTo(mlflowReal("05-v2-trace-export.json"));
    }

    @Test
    void mlflow_3_6_spans_have_exactly_the_keys_of_todays_traces_get_output() {
        JsonNode written = write(Dialect.MLFLOW_3_6_PLUS, sample());
        JsonNode fixture = mlflowReal("02-v3-trace-to-dict-current-TEMPLATE.json");
        Set<String> spanKeys = keys(fixture.path("data").path("spans").get(0));
        assertThat(spans(written)).allSatisfy(s -> assertThat(keys(s)).isEqualTo(spanKeys));
        assertThat(spans(written).getFirst().get("parent_span_id").isNull()).isTrue();
        assertThat(keys(written.path("info"))).isSubsetOf(union(keys(fixture.path("info")), Set.of("assessments")));
        assertThat(keys(written.path("info").path("trace_location")))
                .isEqualTo(keys(fixture.path("info").path("trace_location")));
    }

    @Test
    void mlflow_3_5_spans_use_hex_ids_a_tr_trace_id_and_bare_status_codes() {
        JsonNode written = write(Dialect.MLFLOW_3_5, sample());
        assertThat(spans(written)).allSatisfy(s -> {
            assertThat(s.path("span_id").asString()).matches("[0-9a-f]{16}");
            assertThat(s.path("trace_id").asString()).isEqualTo("tr-0123456789abcdef0123456789abcdef");
            assertThat(s.path("status").path("code").asString()).isIn("OK", "ERROR");
        });
        assertThat(spans(written).get(1).path("parent_span_id").asString()).isEqualTo("aaaaaaaaaaaaaaaa");
    }

    @Test
    void rest_output_uses_the_frame_and_keys_of_the_ui_payload() {
        JsonNode written = write(Dialect.REST, sample());
        JsonNode fixture = mlflowReal("07-ui-v3-trace-with-assessment.json");
        assertThat(keys(written)).isEqualTo(keys(fixture));
        Set<String> spanKeys = keys(fixture.path("data").path("spans").get(0));
        assertThat(spans(written).stream().filter(s -> !s.has("events"))).isNotEmpty()
                .allSatisfy(s -> assertThat(keys(s)).isEqualTo(spanKeys));
        assertThat(keys(written.path("info")))
                .isSubsetOf(union(keys(fixture.path("info")), Set.of("request_preview", "response_preview")));
        assertThat(written.path("info").path("execution_duration").asString()).isEqualTo("1.250s");
        assertThat(spans(written).getFirst().path("start_time_unix_nano").isString()).isTrue();
    }

    @Test
    void openinference_spans_have_the_otlp_frame_and_plain_unencoded_attributes() {
        JsonNode written = write(Dialect.OPENINFERENCE_OTLP, sampleWithStatus(SpanStatusCode.UNSET));
        JsonNode fixture = mlflowReal("06-ui-v3-trace-openinference-otel.json");
        assertThat(keys(spans(written).getFirst())).isEqualTo(keys(fixture.path("data").path("spans").get(0)));
        JsonNode rootAttrs = spans(written).getFirst().path("attributes");
        assertThat(rootAttrs.path("input.value").asString()).isEqualTo("How much is 2,000 USD in EUR?");
        assertThat(rootAttrs.path("mlflow.traceRequestId").asString()).isEqualTo("tr-0123456789abcdef0123456789abcdef");
        assertThat(rootAttrs.has("mlflow.spanInputs")).isFalse();
        assertThat(keys(spans(written).getFirst().path("status"))).containsExactly("code");
        JsonNode tool = spans(written).get(1);
        assertThat(tool.path("attributes").path("openinference.span.kind").asString()).isEqualTo("TOOL");
        assertThat(tool.path("attributes").path("tool_call.function.arguments").asString())
                .isEqualTo("{\"amount\": 2000}");
    }

    @Test
    void a_failed_span_carries_the_exception_event_mlflow_records() {
        JsonNode fixture = mlflowReal("03-v3-trace-data-error-exception-TEMPLATE.json").path("spans").get(0);
        JsonNode written = spans(write(Dialect.MLFLOW_3_6_PLUS, sample())).get(1);
        assertThat(written.path("status").path("code").asString()).isEqualTo("STATUS_CODE_ERROR");
        assertThat(written.path("status").path("message").asString()).isEqualTo("ConnectionError: rates service down");
        JsonNode event = written.path("events").get(0);
        assertThat(keys(event)).isEqualTo(keys(fixture.path("events").get(0)));
        assertThat(keys(event.path("attributes"))).isEqualTo(keys(fixture.path("events").get(0).path("attributes")));
    }

    @Test
    void assessments_use_only_keys_real_assessments_have() {
        Set<String> known = new HashSet<>();
        mlflowReal("10-ui-assessments-feedback-expectation-override.json").values().forEach(a -> known.addAll(keys(a)));
        mlflowReal("11-ui-trace-with-session-level-assessment.json").path("info").path("assessments")
                .forEach(a -> known.addAll(keys(a)));
        for (Dialect d : List.of(Dialect.MLFLOW_3_6_PLUS, Dialect.REST)) {
            JsonNode assessments = write(d, sample()).path("info").path("assessments");
            assertThat(assessments.size()).isEqualTo(3);
            assessments.forEach(a -> assertThat(keys(a)).isSubsetOf(known));
        }
        JsonNode cli = write(Dialect.MLFLOW_3_6_PLUS, sample()).path("info").path("assessments");
        assertThat(cli.get(0).has("span_id")).isFalse();
        assertThat(cli.get(1).path("expectation").path("serialized_value").path("value").asString())
                .isEqualTo("[\"a\", \"b\"]");
        assertThat(cli.get(2).path("feedback").get("value").isNull()).isTrue();
        assertThat(write(Dialect.REST, sample()).path("info").path("assessments").get(0).path("span_id").asString())
                .isEmpty();
    }

    private static DemoTrace sample() {
        return sampleWithStatus(SpanStatusCode.OK);
    }

    private static DemoTrace sampleWithStatus(SpanStatusCode ok) {
        DemoSpan root = new DemoSpan("aaaaaaaaaaaaaaaa", null, "chat", "CHAIN", 1_000_000_000L, 2_250_000_000L, ok, "",
                Json.str("How much is 2,000 USD in EUR?"), Json.str("About €1,845."), Map.of(), List.of());
        DemoSpan tool = new DemoSpan("bbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaa", "convert_currency", "TOOL", 1_100_000_000L,
                1_200_000_000L, SpanStatusCode.ERROR, "ConnectionError: rates service down",
                Json.obj().put("amount", 2000), null, Map.of(),
                List.of(DemoEvent.exception(1_200_000_000L, "ConnectionError", "rates service down",
                        "Traceback (most recent call last):\nConnectionError: rates service down")));
        DemoSpan model = new DemoSpan("cccccccccccccccc", "aaaaaaaaaaaaaaaa", "Completions", "CHAT_MODEL",
                1_300_000_000L,
                2_200_000_000L, ok, "", Json.obj().put("model", "gpt-4o"), Json.obj().put("id", "chatcmpl-1"),
                Map.of(), List.of());
        Instant t = Instant.parse("2025-06-02T08:30:00Z");
        List<DemoAssessment> assessments = List.of(
                new DemoAssessment("a-1", "correctness", DemoAssessment.Kind.FEEDBACK, null, "LLM_JUDGE",
                        "openai:/gpt-4.1-mini",
                        t, t, Json.str("yes"), false, null, "Fine.", Map.of(), null, null),
                new DemoAssessment("a-2", "expected_facts", DemoAssessment.Kind.EXPECTATION, null, "HUMAN", "qa",
                        t, t, Json.arr().add("a").add("b"), true, null, null, Map.of(), null, null),
                new DemoAssessment("a-3", "user_frustration", DemoAssessment.Kind.FEEDBACK, null, "CODE",
                        "user_frustration",
                        t, t, null, false, new ScorerError("SCORER_ERROR", "boom", "Traceback"), null,
                        Map.of("mlflow.trace.session", "s-1"), null, null));
        return new DemoTrace("tr-0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef", "1", t, 1250L,
                DemoTraceState.OK, "q", "a", Map.of("mlflow.trace.session", "s-1"), Map.of("mlflow.traceName", "chat"),
                assessments, List.of(root, tool, model));
    }

    private static JsonNode write(Dialect dialect, DemoTrace trace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonOutput.pythonPretty(out)) {
            dialect.writer().write(g, trace);
        }
        return Fixtures.parse(out.toByteArray());
    }

    private static List<JsonNode> spans(JsonNode trace) {
        return StreamSupport.stream(trace.path("data").path("spans").spliterator(), false).toList();
    }

    private static Map<String, String> tags(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
