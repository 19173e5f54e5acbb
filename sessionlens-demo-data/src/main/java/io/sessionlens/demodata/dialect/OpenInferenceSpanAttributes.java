package io.sessionlens.demodata.dialect;

import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.PyJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Span attributes as an OpenInference client sends them over OTLP, before MLflow translated anything (fixture 06):
 * plain strings, not JSON-encoded; {@code input.value}/{@code output.value}; flattened
 * {@code llm.input_messages.N.message.*}, {@code retrieval.documents.N.document.*}, {@code tool_call.function.*}.
 */
final class OpenInferenceSpanAttributes {
    private OpenInferenceSpanAttributes() {}

    static Map<String, String> encode(DemoSpan s, String traceId) {
        Map<String, String> out = new LinkedHashMap<>();
        String kind = kind(s.spanType());
        switch (kind) {
            case "LLM" -> llm(s, out);
            case "TOOL" -> tool(s, out);
            case "RETRIEVER" -> retriever(s, out);
            default -> io(s, out);
        }
        out.put("mlflow.traceRequestId", traceId);
        out.put("openinference.span.kind", kind);
        s.attributes().forEach((k, v) -> {
            // mlflow.* keys are what MLflow's own client writes; an OpenInference producer never sends them.
            if (!k.startsWith("mlflow.")) out.put(k, plain(v));
        });
        return out;
    }

    private static String kind(String mlflowType) {
        return switch (mlflowType) {
            case "CHAT_MODEL", "LLM" -> "LLM";
            case "TOOL", "RETRIEVER", "AGENT", "EMBEDDING", "RERANKER", "GUARDRAIL" -> mlflowType;
            default -> "CHAIN";
        };
    }

    private static void io(DemoSpan s, Map<String, String> out) {
        if (s.inputs() != null) {
            out.put("input.value", plain(s.inputs()));
            out.put("input.mime_type", mime(s.inputs()));
        }
        if (s.outputs() != null) {
            out.put("output.value", plain(s.outputs()));
            out.put("output.mime_type", mime(s.outputs()));
        }
    }

    private static void llm(DemoSpan s, Map<String, String> out) {
        JsonNode in = s.inputs();
        if (in != null) {
            if (in.has("model")) out.put("llm.model_name", in.get("model").asString());
            JsonNode messages = in.path("messages");
            for (int i = 0; i < messages.size(); i++) {
                JsonNode m = messages.get(i);
                out.put("llm.input_messages." + i + ".message.role", m.path("role").asString());
                if (m.hasNonNull("content"))
                    out.put("llm.input_messages." + i + ".message.content", m.get("content").asString());
            }
        }
        JsonNode message = s.outputs() == null ? null : s.outputs().path("choices").path(0).path("message");
        if (message != null && !message.isMissingNode()) {
            out.put("llm.output_messages.0.message.role", message.path("role").asString());
            if (message.hasNonNull("content"))
                out.put("llm.output_messages.0.message.content", message.get("content").asString());
        }
        JsonNode usage = s.attributes().get("mlflow.chat.tokenUsage");
        if (usage != null) {
            out.put("llm.token_count.prompt", usage.path("input_tokens").asString());
            out.put("llm.token_count.completion", usage.path("output_tokens").asString());
            out.put("llm.token_count.total", usage.path("total_tokens").asString());
        }
        io(s, out);
    }

    private static void tool(DemoSpan s, Map<String, String> out) {
        out.put("tool.name", s.name());
        out.put("tool_call.function.name", s.name());
        if (s.inputs() != null) out.put("tool_call.function.arguments", PyJson.dumps(s.inputs()));
        io(s, out);
    }

    private static void retriever(DemoSpan s, Map<String, String> out) {
        JsonNode query = s.inputs() == null ? null : s.inputs().path("query");
        if (query != null && query.isString()) out.put("input.value", query.asString());
        JsonNode docs = s.outputs();
        if (docs != null) {
            for (int i = 0; i < docs.size(); i++) {
                JsonNode d = docs.get(i);
                String prefix = "retrieval.documents." + i + ".document.";
                out.put(prefix + "id", d.path("id").asString());
                out.put(prefix + "content",
                        d.has("page_content") ? d.get("page_content").asString() : d.path("content").asString());
                if (d.has("score")) out.put(prefix + "score", d.get("score").asString());
                if (d.has("metadata")) out.put(prefix + "metadata", PyJson.dumps(d.get("metadata")));
            }
        }
    }

    /** OpenInference writes a text value as it is, and anything else as JSON text. */
    private static String plain(JsonNode v) {
        return v.isString() ? v.asString() : PyJson.dumps(v);
    }

    private static String mime(@Nullable JsonNode v) {
        return v != null && v.isString() ? "text/plain" : "application/json";
    }
}
