package io.sessionlens.demodata;

import static io.sessionlens.demodata.WrittenExports.JSON;
import static io.sessionlens.demodata.WrittenExports.isRoot;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The inputs benchmarks and tests build from: bulk exports, long sessions, huge traces, and determinism. */
class DemoExportGeneratorBenchInputsTest {
    private static final Instant BASE = Instant.parse("2025-06-02T08:30:00Z");
    private final BenchExports generator = new BenchExports(7L, BASE);

    @Test
    void a_huge_trace_has_the_requested_spans_with_unique_ids_one_root_and_errors_deep_inside() {
        JsonNode trace = JSON
                .readTree(bytes(out -> generator.writeHugeTrace(out, "tr-0123456789abcdef0123456789abcdef", 20_000)));
        List<JsonNode> spans = WrittenExports.list(trace.path("data").path("spans"));
        assertThat(spans).hasSize(20_000);
        Set<String> ids = new HashSet<>();
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode s : spans) {
            ids.add(s.path("span_id").asString());
            byId.put(s.path("span_id").asString(), s);
        }
        assertThat(ids).hasSize(20_000);
        assertThat(spans.stream().filter(WrittenExports::isRoot)).hasSize(1);
        assertThat(spans).allSatisfy(
                s -> assertThat(isRoot(s) || byId.containsKey(s.path("parent_span_id").asString())).isTrue());
        List<JsonNode> errors = spans.stream()
                .filter(s -> s.path("status").path("code").asString().equals("STATUS_CODE_ERROR")).toList();
        assertThat(errors).hasSizeBetween(2, 5).allSatisfy(e -> {
            assertThat(depth(e, byId)).isGreaterThanOrEqualTo(4);
            assertThat(e.path("events").get(0).path("name").asString()).isEqualTo("exception");
        });
        assertThat(trace.path("info").path("trace_id").asString()).isEqualTo("tr-0123456789abcdef0123456789abcdef");
        assertThat(trace.has("traces")).isFalse();
    }

    @Test
    void a_huge_trace_with_a_free_form_id_keeps_that_id_and_still_has_valid_span_ids() {
        JsonNode trace = JSON.readTree(bytes(out -> generator.writeHugeTrace(out, "my-trace", 50)));
        assertThat(trace.path("info").path("trace_id").asString()).isEqualTo("my-trace");
        assertThat(WrittenExports.list(trace.path("data").path("spans"))).hasSize(50)
                .allSatisfy(s -> assertThat(java.util.Base64.getDecoder().decode(s.path("trace_id").asString()))
                        .hasSize(16));
    }

    @Test
    void a_bulk_export_is_a_search_envelope_with_sessions_times_turns_traces_of_the_requested_size() {
        JsonNode env = JSON.readTree(bytes(out -> generator.writeBulkExport(out, 4, 3, 6)));
        List<JsonNode> traces = WrittenExports.list(env.path("traces"));
        assertThat(env.get("next_page_token").isNull()).isTrue();
        assertThat(traces).hasSize(12).allSatisfy(t -> {
            assertThat(t.path("data").path("spans").size()).isEqualTo(6);
            assertThat(t.path("data").path("spans").get(0).get("parent_span_id").isNull()).isTrue();
        });
        assertThat(
                traces.stream().map(t -> t.path("info").path("trace_metadata").path("mlflow.trace.session").asString())
                        .distinct())
                .hasSize(4);
        assertThat(traces.stream().map(t -> t.path("info").path("trace_id").asString()).distinct()).hasSize(12);
    }

    @Test
    void bulk_turns_have_exactly_the_requested_spans_for_every_small_size() {
        for (int spans = 2; spans <= 7; spans++) {
            int expected = spans;
            JsonNode env = JSON.readTree(bytes(out -> generator.writeBulkExport(out, 1, 2, expected)));
            assertThat(WrittenExports.list(env.path("traces")))
                    .allSatisfy(t -> assertThat(t.path("data").path("spans").size()).as("spans per turn")
                            .isEqualTo(expected));
        }
    }

    @Test
    void odd_sizes_do_not_throw_they_give_empty_envelopes_or_the_smallest_traces() {
        JsonNode empty = JSON.readTree(bytes(out -> generator.writeBulkExport(out, -3, 5, 4)));
        assertThat(empty.path("traces").size()).isZero();
        JsonNode small = JSON.readTree(bytes(out -> generator.writeBulkExport(out, 1, 1, 0)));
        assertThat(small.path("traces").get(0).path("data").path("spans").size()).isEqualTo(2);
        assertThat(JSON.readTree(bytes(out -> generator.writeLongSession(out, "empty", -1))).path("traces").size())
                .isZero();
        assertThat(
                JSON.readTree(bytes(out -> generator.writeHugeTrace(out, "tr-x", 0))).path("data").path("spans").size())
                .isEqualTo(1);
    }

    @Test
    void a_long_session_has_every_turn_in_order_under_one_session_id() {
        JsonNode env = JSON.readTree(bytes(out -> generator.writeLongSession(out, "long-chat-1", 120)));
        List<JsonNode> traces = WrittenExports.list(env.path("traces"));
        assertThat(traces).hasSize(120).allSatisfy(t -> assertThat(
                t.path("info").path("trace_metadata").path("mlflow.trace.session").asString())
                .isEqualTo("long-chat-1"));
        List<Instant> times = traces.stream().map(t -> Instant.parse(t.path("info").path("request_time").asString()))
                .toList();
        assertThat(times).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void the_same_seed_writes_byte_identical_files_and_another_seed_does_not(@TempDir Path a, @TempDir Path b,
            @TempDir Path c) throws IOException {
        DemoCorpus first = new DemoExportGenerator(11L, BASE).writeDemoSet(a);
        DemoCorpus second = new DemoExportGenerator(11L, BASE).writeDemoSet(b);
        assertThat(first.sessions()).isEqualTo(second.sessions());
        assertThat(first.files()).hasSameSizeAs(second.files());
        for (int i = 0; i < first.files().size(); i++) {
            assertThat(first.files().get(i).getFileName()).isEqualTo(second.files().get(i).getFileName());
            assertThat(Files.readAllBytes(first.files().get(i))).isEqualTo(Files.readAllBytes(second.files().get(i)));
        }
        DemoCorpus other = new DemoExportGenerator(12L, BASE).writeDemoSet(c);
        assertThat(other.sessions().getFirst().turns().getFirst().traceId())
                .isNotEqualTo(first.sessions().getFirst().turns().getFirst().traceId());

        byte[] bulk1 = bytes(out -> new BenchExports(11L, BASE).writeBulkExport(out, 2, 3, 5));
        byte[] bulk2 = bytes(out -> new BenchExports(11L, BASE).writeBulkExport(out, 2, 3, 5));
        assertThat(bulk1).isEqualTo(bulk2);
        byte[] huge1 = bytes(
                out -> new BenchExports(11L, BASE).writeHugeTrace(out, "tr-00000000000000000000000000000001", 500));
        byte[] huge2 = bytes(
                out -> new BenchExports(11L, BASE).writeHugeTrace(out, "tr-00000000000000000000000000000001", 500));
        assertThat(huge1).isEqualTo(huge2);
    }

    @Test
    void writers_leave_the_callers_stream_open() {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        generator.writeBulkExport(out, 1, 1, 2);
        generator.writeLongSession(out, "s", 1);
        generator.writeHugeTrace(out, "t", 3);
        assertThat(out.closed).isFalse();
        assertThat(out.size()).isPositive();
    }

    private static int depth(JsonNode span, Map<String, JsonNode> byId) {
        int d = 0;
        JsonNode s = span;
        while (!isRoot(s)) {
            s = byId.get(s.path("parent_span_id").asString());
            d++;
        }
        return d;
    }

    private interface Writer {
        void write(ByteArrayOutputStream out);
    }

    private static byte[] bytes(Writer w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        return out.toByteArray();
    }
}
