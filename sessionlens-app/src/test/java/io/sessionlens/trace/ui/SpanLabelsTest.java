package io.sessionlens.trace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionlens.trace.SpanRow;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanLabelsTest {
    private final Map<String, Span> spans = new HashMap<>();

    private SpanRow row(String id, String name, String type, Map<String, String> attributes) {
        spans.put(id, new Span(id, "root", name, 0, 1L, SpanStatus.OK, "", attributes, List.of()));
        return new SpanRow(id, "root", name, type, 0, 1L, SpanStatus.OK, false, 0);
    }

    @Test
    void same_named_model_calls_get_their_model_and_a_number_where_the_model_is_the_same_too() {
        List<SpanRow> rows = List.of(
                row("a", "Models.generate_content", "CHAT_MODEL",
                        Map.of(MlflowKeys.SPAN_INPUTS, "{\"model\": \"gemini-2.5-pro\", \"contents\": \"hi\"}")),
                row("b", "Models.generate_content", "CHAT_MODEL", Map.of(MlflowKeys.LLM_MODEL, "\"gemini-2.5-flash\"")),
                row("c", "search_flights", "TOOL", Map.of()),
                row("d", "Models.generate_content", "CHAT_MODEL", Map.of(MlflowKeys.LLM_MODEL, "\"gemini-2.5-flash\"")),
                row("e", "retry", "TOOL", Map.of()), row("f", "retry", "TOOL", Map.of()));

        Map<String, String> labels = SpanLabels.of(rows, r -> spans.get(r.spanId()));

        assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a", "Models.generate_content · gemini-2.5-pro",
                "b", "Models.generate_content · gemini-2.5-flash #1",
                "d", "Models.generate_content · gemini-2.5-flash #2",
                "e", "retry #1", "f", "retry #2"));   // a name of its own keeps it: no label for "search_flights"
    }

    @Test
    void a_model_call_whose_span_is_gone_is_numbered() {
        List<SpanRow> rows = List.of(row("a", "llm", "LLM", Map.of()), row("b", "llm", "LLM", Map.of()));
        assertThat(SpanLabels.of(rows, r -> null)).containsEntry("a", "llm #1").containsEntry("b", "llm #2");
    }
}
