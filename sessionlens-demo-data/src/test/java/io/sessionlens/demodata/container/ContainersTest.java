package io.sessionlens.demodata.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.DemoTrace;
import io.sessionlens.demodata.trace.DemoTraceState;
import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.SpanStatusCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainersTest {

    @Test
    void the_search_envelope_is_indented_like_the_mlflow_cli_and_ascii_only() {
        String text = write(SearchEnvelope.lastPage(), List.of(trace("tr-00000000000000000000000000000001")));
        assertThat(text).startsWith("{\n  \"traces\": [\n    {\n      \"info\": {\n        \"trace_id\": ");
        assertThat(text).endsWith("  ],\n  \"next_page_token\": null\n}\n");
        assertThat(text).contains("Price in \\u20ac?").contains("Ten \\u20ac \\ud83d\\ude00").doesNotContain("€");
    }

    @Test
    void a_page_that_is_not_the_last_carries_its_token() {
        String text = write(new SearchEnvelope("eyJvZmZzZXQiOiA2fQ=="),
                List.of(trace("tr-00000000000000000000000000000001")));
        assertThat(text).contains("\"next_page_token\": \"eyJvZmZzZXQiOiA2fQ==\"");
    }

    @Test
    void json_lines_hold_one_compact_utf8_trace_per_line() {
        String text = write(new JsonLinesDocument(), List.of(trace("tr-00000000000000000000000000000001"),
                trace("tr-00000000000000000000000000000002")));
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"info\":").contains("€"));
        assertThat(text).endsWith("}\n");
    }

    @Test
    void an_array_document_lists_traces_in_the_order_given() {
        String text = write(new JsonArrayDocument(), List.of(trace("tr-00000000000000000000000000000002"),
                trace("tr-00000000000000000000000000000001")));
        assertThat(text).startsWith("[\n  {");
        assertThat(text.indexOf("0002\"")).isLessThan(text.indexOf("0001\""));
    }

    private static String write(TraceContainer container, List<DemoTrace> traces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        container.write(out, Dialect.MLFLOW_3_6_PLUS, traces);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static DemoTrace trace(String id) {
        DemoSpan root = new DemoSpan("aaaaaaaaaaaaaaaa", null, "chat", "CHAIN", 1_000, 2_000L, SpanStatusCode.OK, "",
                Json.str("Price in €?"), Json.str("Ten €."), Map.of(), List.of());
        return new DemoTrace(id, id.substring(3), "1", Instant.parse("2025-06-02T08:30:00Z"), 1L, DemoTraceState.OK,
                "Price in €?", "Ten € \uD83D\uDE00", Map.of(), Map.of(), List.of(), List.of(root));
    }
}
