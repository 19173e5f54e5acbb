package io.sessionlens.demodata.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One span, described by meaning rather than by spelling: ids are lowercase hex, inputs and outputs are JSON
 * trees. A dialect writer decides how they appear (base64 or hex ids, JSON-encoded {@code mlflow.spanInputs} or
 * OpenInference {@code input.value}).
 *
 * @param spanType MLflow span type (CHAIN, AGENT, CHAT_MODEL, LLM, TOOL, RETRIEVER, …)
 * @param inputs null when the span recorded no inputs
 * @param outputs null when the span recorded no outputs (failed or still running)
 * @param attributes further attributes, as JSON values; MLflow dialects JSON-encode them
 * @param endNanos null while the span is still running
 */
public record DemoSpan(
        String spanId,
        @Nullable String parentSpanId,
        String name,
        String spanType,
        long startNanos,
        @Nullable Long endNanos,
        SpanStatusCode status,
        String statusMessage,
        @Nullable JsonNode inputs,
        @Nullable JsonNode outputs,
        Map<String, JsonNode> attributes,
        List<DemoEvent> events) {

    public DemoSpan {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        events = List.copyOf(events);
    }

    public boolean isRoot() { return parentSpanId == null; }
}
