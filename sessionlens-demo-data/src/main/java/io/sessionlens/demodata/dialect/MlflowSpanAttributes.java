package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.PyJson;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Span attributes as every MLflow version stores them: each value JSON-encoded ({@code "\"LLM\""}), in the order
 * the Python client sets them (fixture 02).
 */
final class MlflowSpanAttributes {
    static final String FUNCTION_NAME = "mlflow.spanFunctionName";

    private MlflowSpanAttributes() {}

    static Map<String, String> encode(DemoSpan span, String traceId) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("mlflow.traceRequestId", PyJson.dumps(Json.str(traceId)));
        out.put("mlflow.spanType", PyJson.dumps(Json.str(span.spanType())));
        JsonNode fn = span.attributes().get(FUNCTION_NAME);
        if (fn != null) out.put(FUNCTION_NAME, PyJson.dumps(fn));
        if (span.inputs() != null) out.put("mlflow.spanInputs", PyJson.dumps(span.inputs()));
        if (span.outputs() != null) out.put("mlflow.spanOutputs", PyJson.dumps(span.outputs()));
        span.attributes().forEach((k, v) -> out.putIfAbsent(k, PyJson.dumps(v)));
        return out;
    }

    static void write(JsonGenerator g, DemoSpan span, String traceId) {
        g.writeName("attributes");
        g.writeStartObject();
        encode(span, traceId).forEach(g::writeStringProperty);
        g.writeEndObject();
    }
}
