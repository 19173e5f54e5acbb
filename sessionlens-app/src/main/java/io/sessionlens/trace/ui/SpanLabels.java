package io.sessionlens.trace.ui;

import io.sessionlens.trace.SpanRow;
import io.sessionlens.trace.chat.SpanIo;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Names that tell sibling spans apart when they share one: three {@code Models.generate_content} calls read
 * "Models.generate_content · gemini-2.5-pro", "… · gemini-2.5-flash-lite #1", "… · gemini-2.5-flash-lite #2". A model
 * call gets its model name (from its attributes or request); spans still alike get their position among those alike.
 */
final class SpanLabels {
    private static final Set<String> MODEL_TYPES = Set.of("LLM", "CHAT_MODEL");
    /** Where a model call's model is written: MLflow, OTel GenAI, OpenInference; then the request's {@code model}. */
    private static final List<String> MODEL_KEYS = List.of(MlflowKeys.LLM_MODEL, "gen_ai.request.model",
            "gen_ai.response.model", "llm.model_name");

    private SpanLabels() {}

    /**
     * Labels for the rows (one page of one level) that share their name with another row; rows with a name of their
     * own are left out. {@code fullSpan} reads a model call's attributes (null when it is gone).
     */
    static Map<String, String> of(List<SpanRow> rows, Function<SpanRow, @Nullable Span> fullSpan) {
        Map<String, Integer> names = new HashMap<>();
        rows.forEach(r -> names.merge(r.name(), 1, Integer::sum));
        Map<String, String> withModel = new LinkedHashMap<>();
        for (SpanRow r : rows) {
            if (names.get(r.name()) < 2) continue;
            String model = MODEL_TYPES.contains(r.spanType()) ? model(fullSpan.apply(r)) : null;
            withModel.put(r.spanId(), model == null ? r.name() : r.name() + " · " + model);
        }
        Map<String, Integer> alike = new HashMap<>();
        withModel.values().forEach(l -> alike.merge(l, 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        withModel.forEach((id, label) -> out.put(id,
                alike.get(label) < 2 ? label : label + " #" + seen.merge(label, 1, Integer::sum)));
        return out;
    }

    static @Nullable String model(@Nullable Span span) {
        if (span == null) return null;
        for (String key : MODEL_KEYS) {
            String v = span.attribute(key);
            if (v != null) {
                String text = JsonValues.asText(JsonValues.decode(v)).strip();
                if (!text.isEmpty()) return text;
            }
        }
        SpanIo io = SpanIo.of(span);
        for (JsonNode side : List.of(io.inputs(), io.outputs())) {
            for (String key : List.of("model", "model_version", "modelId", "model_id")) {
                String text = JsonValues.text(side, key).strip();
                if (!text.isEmpty()) return text;
            }
        }
        return null;
    }
}
