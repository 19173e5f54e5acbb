package io.sessionlens.importer.read;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link JsonFileReader} found in one trace-shaped JSON object while streaming through it. Spans are converted
 * one by one as they stream past, so a 20,000-span trace never exists twice in memory (as a tree and as a model).
 */
final class TraceParts {
    /** {@code info} (CLI), {@code trace_info} (REST), or null when the object had none. */
    @Nullable ObjectNode info;
    boolean spansSeen;
    boolean dataSeen;
    final List<SpanReader.ReadSpan> spans = new ArrayList<>();
    int spanOrdinal;
    /** MLflow 2.x kept the trace's request and response in {@code data}; MLflow 3 turns them into the previews. */
    @Nullable String dataRequest;
    @Nullable String dataResponse;
    /** Every other top-level field, which is the trace info itself when the object is a bare TraceInfo. */
    final ObjectNode other = JsonNodeFactory.instance.objectNode();
    /** Every key seen, in order, to tell the user what the object held when it is not a trace. */
    final List<String> keys = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
}
