package io.sessionlens.analysis.evidence;

import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.trace.chat.SpanIo;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Documents returned by a turn's RETRIEVER spans: a list of {@code {page_content|content|text, metadata, id, score}}
 * (LangChain documents, MLflow's own {@code Document}), possibly wrapped as {@code {documents: […]}}, or plain
 * strings.
 */
public final class RetrievedDocuments {
    private static final List<String> TEXT_KEYS = List.of("page_content", "content", "text", "chunk", "document");
    private static final List<String> URI_KEYS = List.of("doc_uri", "uri", "source", "url", "file_path", "path",
            "filename");
    private static final List<String> ID_KEYS = List.of("doc_id", "document_id", "id", "chunk_id");
    private static final List<String> SCORE_KEYS = List.of("score", "relevance_score", "similarity", "_score");

    private RetrievedDocuments() {}

    public static List<RetrievedDocument> of(Trace trace) {
        List<RetrievedDocument> out = new ArrayList<>();
        Instant asOf = trace.info().requestTime();
        for (Span s : trace.tree().preorder()) {
            if (!s.spanType().equals("RETRIEVER")) continue;
            List<JsonNode> docs = documents(SpanIo.of(s).outputs());
            if (docs.isEmpty()) docs = flattened(s);
            for (JsonNode d : docs) {
                RetrievedDocument doc = document(s.spanId(), d, asOf);
                if (doc != null) out.add(doc);
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern FLAT_KEY = java.util.regex.Pattern
            .compile("retrieval\\.documents\\.(\\d+)\\.document\\.(\\w+)");

    /**
     * OpenInference spans carry no outputs for a retriever: each document is flattened into attributes
     * ({@code retrieval.documents.0.document.content}, {@code ….metadata} as a JSON string, {@code ….id},
     * {@code ….score}). Reassembled here into the object shape the other retrievers return.
     */
    private static List<JsonNode> flattened(Span s) {
        java.util.TreeMap<Integer, tools.jackson.databind.node.ObjectNode> byIndex = new java.util.TreeMap<>();
        for (var e : s.attributes().entrySet()) {
            var m = FLAT_KEY.matcher(e.getKey());
            if (!m.matches()) continue;
            var doc = byIndex.computeIfAbsent(Integer.parseInt(m.group(1)),
                    i -> tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            JsonNode value = JsonValues.decode(e.getValue());
            // a JSON-encoded attribute value decodes to a string holding the metadata object: decode that too
            if (value.isString() && m.group(2).equals("metadata")) value = JsonValues.decode(value.stringValue());
            if (m.group(2).equals("score") && value.isString()) {
                try {
                    value = tools.jackson.databind.node.JsonNodeFactory.instance
                            .numberNode(Double.parseDouble(value.stringValue()));
                } catch (NumberFormatException notANumber) {
                    // keep the text
                }
            }
            doc.set(m.group(2), value);
        }
        return new ArrayList<>(byIndex.values());
    }

    private static List<JsonNode> documents(JsonNode outputs) {
        JsonNode list = outputs;
        for (String key : List.of("documents", "docs", "results", "chunks")) {
            JsonNode v = JsonValues.field(outputs, key);
            if (v != null && v.isArray()) {
                list = v;
                break;
            }
        }
        if (list.isArray() && list.size() == 1 && list.get(0).isArray()) list = list.get(0); // batched retrievers
        return JsonValues.elements(list);
    }

    private static @Nullable RetrievedDocument document(String spanId, JsonNode d, Instant asOf) {
        if (d.isString())
            return new RetrievedDocument(spanId, null, null, null, snippet(d.stringValue()), Map.of(), false, null);
        if (!d.isObject()) return null;
        Map<String, Object> metadata = JsonValues.toPlainMap(JsonValues.field(d, "metadata"));
        String text = "";
        for (String k : TEXT_KEYS) {
            JsonNode v = JsonValues.field(d, k);
            if (v != null) {
                text = JsonValues.asText(v);
                break;
            }
        }
        String id = firstOf(d, metadata, ID_KEYS);
        String uri = firstOf(d, metadata, URI_KEYS);
        Double score = score(d, metadata);
        String reason = DocumentFreshness.outdatedReason(metadata, asOf).orElse(null);
        return new RetrievedDocument(spanId, id, uri, score, snippet(text), metadata, reason != null, reason);
    }

    private static @Nullable String firstOf(JsonNode d, Map<String, Object> metadata, List<String> keys) {
        for (String k : keys) {
            Object m = metadata.get(k);
            if (m != null && !(m instanceof Map || m instanceof List) && !m.toString().isBlank()) return m.toString();
            JsonNode v = JsonValues.field(d, k);
            if (v != null && v.isValueNode() && !JsonValues.asText(v).isBlank()) return JsonValues.asText(v);
        }
        return null;
    }

    private static @Nullable Double score(JsonNode d, Map<String, Object> metadata) {
        for (String k : SCORE_KEYS) {
            JsonNode v = JsonValues.field(d, k);
            if (v != null && v.isNumber()) return v.doubleValue();
            if (metadata.get(k) instanceof Number n) return n.doubleValue();
        }
        return null;
    }

    private static String snippet(String text) {
        return text.length() <= RetrievedDocument.SNIPPET_LIMIT
                ? text
                : text.substring(0, RetrievedDocument.SNIPPET_LIMIT) + "…";
    }
}
