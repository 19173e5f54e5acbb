package io.sessionlens.importer.read;

import io.sessionlens.importer.read.GuardedListener.ListenerFailure;
import io.sessionlens.importer.read.ParseFailures.Origin;
import io.sessionlens.importer.read.TraceAssembler.Accepted;
import io.sessionlens.importer.read.TraceAssembler.Rejected;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams one JSON file (or zip entry) and hands each trace to the listener as soon as it is complete, so memory
 * stays flat however many traces the file holds. The container is found from the content:
 * <ul>
 *   <li>one trace object ({@code traces get}, REST {@code trace}/{@code trace_info}, TraceData {@code spans});</li>
 *   <li>an envelope whose {@code traces} (or {@code trace_infos}) array is streamed element by element;</li>
 *   <li>a JSON array of traces; several root values one after another;</li>
 *   <li>JSON Lines: when the first value fits on its line, every further line gets its own parser, so a broken line
 *       costs only itself. Inside one multi-line document a parse error ends the file (what was delivered stays).</li>
 * </ul>
 */
final class JsonFileReader {
    private final SourceName source;
    private final ReadListener sink;
    private final LineBoundInput input;
    /** Off for UTF-16/32 text, whose line breaks are not single 0x0A bytes. */
    private final boolean lineSplitting;

    /** Trace candidates seen so far, for "trace #N". */
    private int ordinal;
    private int rootValues;
    private int problems;
    /** Traces delivered or named in a problem: once there are some, a file that breaks off has lost only its rest. */
    private int traceOutcomes;
    /** The line being read in JSON Lines mode; null while reading a multi-line document. */
    private @Nullable Long currentLine;
    /** Names the element a parse error interrupts, so the user learns which trace was cut off. */
    private @Nullable String elementBeingRead;
    /**
     * A first root value that is not a trace may be the whole file (then the file is unreadable, ref null) or one
     * line of many (then it is that line's problem): only the end of the file tells.
     */
    private @Nullable Pending pendingRootProblem;
    /** The parser at work, whose position locates failures that Jackson reports without one. */
    private @Nullable JsonParser parser;

    private record Pending(String positionalRef, String message) {}

    private final JsonMapper mapper;
    private final int maxStringLength;

    JsonFileReader(SourceName source, InputStream in, ReadListener sink, boolean lineSplitting, JsonMapper mapper,
            int maxStringLength) {
        this.mapper = mapper;
        this.maxStringLength = maxStringLength;
        this.source = source;
        this.sink = sink;
        this.input = new LineBoundInput(in);
        this.lineSplitting = lineSplitting;
    }

    void read() {
        try {
            if (lineSplitting && source.namedAsJsonLines()) {
                readLines();
            } else {
                readDocument();
            }
        } catch (IOException e) {
            stopped(source.whole(), "could not read the file: " + e.getMessage());
        }
        if (pendingRootProblem != null) {
            problem(rootValues == 1 ? source.whole() : pendingRootProblem.positionalRef(),
                    pendingRootProblem.message());
        }
        if (rootValues == 0 && problems == 0) problem(source.whole(), "empty file");
    }

    private void readDocument() throws IOException {
        boolean lineMode = false;
        // Closed in finally, not by try-with-resources: the catch block still needs the parser's position.
        JsonParser p = newParser();
        try {
            JsonToken first = p.nextToken();
            if (first == null) return;
            long firstLine = p.currentTokenLocation().getLineNr();
            RootObject root = readRootValue(p, first);
            // A first value that fits on its line means JSON Lines; a pretty-printed document spans many lines.
            lineMode = lineSplitting && p.currentTokenLocation().getLineNr() == firstLine;
            if (lineMode) {
                currentLine = firstLine;
                input.lineBound(true); // the rest of this line may hold more values; the next line gets its own parser
            }
            deliverRoot(root);
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) deliverRoot(readRootValue(p, t));
        } catch (JacksonException e) {
            if (!lineMode) {
                // Inside one JSON document nothing after a syntax error can be trusted: say where reading ended.
                String where = elementBeingRead != null ? elementBeingRead : source.whole();
                if (ParseFailures.isEndOfInput(e)) {
                    problem(where, describe(e, Origin.FILE));   // the file ends here: there is no rest that was not read
                } else {
                    stopped(where, describe(e, Origin.FILE));
                }
                return;
            }
            problem(source.line(currentLine == null ? 1 : currentLine), describe(e, Origin.FILE));
            input.skipRestOfLine();
        } finally {
            p.close();
        }
        if (lineMode) readLines();
    }

    private void readLines() throws IOException {
        input.lineBound(true);
        while (true) {
            input.nextLine();
            if (!input.hasMore()) return;
            long line = input.line();
            long lineStart = input.offset();
            currentLine = line;
            JsonParser p = newParser();
            try {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) deliverRoot(readRootValue(p, t));
            } catch (JacksonException e) {
                elementBeingRead = null;
                problem(source.line(line), describe(e, Origin.line(line, lineStart)));
                input.skipRestOfLine();
            } finally {
                p.close();
            }
        }
    }

    private JsonParser newParser() {
        parser = mapper.createParser(input);
        return parser;
    }

    private String describe(JacksonException e, Origin origin) {
        return ParseFailures.describe(e, origin, parser == null ? null : parser.currentLocation(), maxStringLength);
    }

    /** A root object read to its end, delivered once the reader knows how to name it (a line, or trace #N). */
    private record RootObject(TraceParts parts, int ordinal) {}

    private @Nullable RootObject readRootValue(JsonParser p, JsonToken first) {
        rootValues++;
        if (first == JsonToken.START_OBJECT) {
            // An envelope numbers its elements instead, so the number is taken only once the object proves a trace.
            int rootOrdinal = ordinal + 1;
            // The first value is the whole file until more follow; a later one that breaks is named by its number.
            if (rootValues > 1 && currentLine == null) elementBeingRead = source.trace(rootOrdinal);
            TraceParts parts = new TraceParts();
            boolean envelope = readObject(p, parts, true);
            elementBeingRead = null;
            if (envelope) return null;
            ordinal = rootOrdinal;
            return new RootObject(parts, rootOrdinal);
        }
        if (first == JsonToken.START_ARRAY) {
            readElements(p);
            return null;
        }
        rootProblem(rootRef(++ordinal), "expected a JSON object or array of MLflow traces, found " + kind(first));
        return null;
    }

    private void deliverRoot(@Nullable RootObject root) {
        if (root != null) deliver(root.parts(), rootRef(root.ordinal()), true);
    }

    private String rootRef(int rootOrdinal) {
        return currentLine != null ? source.line(currentLine) : source.trace(rootOrdinal);
    }

    /** The elements of a top-level array or of an envelope's {@code traces}, one tree-sized trace at a time. */
    private void readElements(JsonParser p) {
        int onThisLine = 0;
        while (true) {
            String ref = currentLine != null
                    ? source.traceOnLine(currentLine, onThisLine + 1)
                    : source.trace(ordinal + 1);
            elementBeingRead = ref; // a file cut off between two elements names the one that is missing
            JsonToken t = p.nextToken();
            elementBeingRead = null;
            if (t == null || t == JsonToken.END_ARRAY) return;
            ordinal++;
            onThisLine++;
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren(); // first: if the element cannot even be skipped, that failure is the one to report
                problem(ref, "expected a trace object, found " + kind(t));
                continue;
            }
            elementBeingRead = ref;
            TraceParts parts = new TraceParts();
            readObject(p, parts, false);
            elementBeingRead = null;
            deliver(parts, ref, false);
        }
    }

    /**
     * Reads the fields of the object at the parser's START_OBJECT into {@code parts}.
     *
     * @return true when the object was an envelope whose traces were delivered already
     */
    private boolean readObject(JsonParser p, TraceParts parts, boolean envelopeAllowed) {
        boolean envelope = false;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken t = p.nextToken();
            parts.keys.add(name);
            switch (name) {
                case "traces", "trace_infos" -> {
                    if (envelopeAllowed && t == JsonToken.START_ARRAY) {
                        envelope = true;
                        readElements(p);
                    } else {
                        p.skipChildren(); // a nested envelope is not a trace; its key tells the user what it was
                    }
                }
                case "experiments", "experiment" -> {
                    // MLflow's experiments/search and experiments/get answers: their names, not traces
                    if (envelopeAllowed && (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT)) {
                        envelope = true;
                        JsonNode value = p.readValueAsTree();
                        if (value.isArray()) value.forEach(this::experiment);
                        else
                            experiment(value);
                    } else {
                        parts.other.set(name, p.<JsonNode>readValueAsTree());
                    }
                }
                case "info", "trace_info" -> {
                    if (expect(p, t, JsonToken.START_OBJECT, name + " is not a JSON object", parts)) {
                        parts.info = p.readValueAsTree();
                    }
                }
                case "data" -> readData(p, t, parts);
                case "spans" -> readSpans(p, t, parts);
                case "trace" -> {
                    if (t == JsonToken.START_OBJECT) {
                        readObject(p, parts, false); // REST traces/get wraps trace_info and spans in "trace"
                    } else {
                        parts.other.set(name, p.<JsonNode>readValueAsTree());
                    }
                }
                default -> parts.other.set(name, p.<JsonNode>readValueAsTree());
            }
        }
        return envelope;
    }

    private void experiment(JsonNode e) {
        JsonNode id = e.get("experiment_id");
        JsonNode name = e.get("name");
        if (id != null && id.isValueNode() && name != null && name.isString() && !name.asString().isBlank()
                && !Fields.rawText(id).isBlank())
            sink.experimentName(Fields.rawText(id), name.asString().strip());
    }

    private void readData(JsonParser p, JsonToken t, TraceParts parts) {
        parts.dataSeen = true;
        if (!expect(p, t, JsonToken.START_OBJECT, "data is not a JSON object", parts)) return;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "spans" -> readSpans(p, v, parts);
                case "request" -> parts.dataRequest = textOrNull(p.readValueAsTree());
                case "response" -> parts.dataResponse = textOrNull(p.readValueAsTree());
                default -> p.skipChildren();
            }
        }
    }

    private void readSpans(JsonParser p, JsonToken t, TraceParts parts) {
        parts.spansSeen = true;
        if (!expect(p, t, JsonToken.START_ARRAY, "spans is not a list", parts)) return;
        for (JsonToken s = p.nextToken(); s != null && s != JsonToken.END_ARRAY; s = p.nextToken()) {
            int spanOrdinal = ++parts.spanOrdinal;
            if (s != JsonToken.START_OBJECT) {
                parts.warnings.add("span #" + spanOrdinal + " is not a JSON object and was skipped");
                p.skipChildren();
                continue;
            }
            JsonNode node = p.readValueAsTree();
            try {
                SpanReader.ReadSpan span = SpanReader.read(node, spanOrdinal, parts.warnings);
                if (span != null) parts.spans.add(span);
            } catch (RuntimeException bug) {
                // A reader bug must cost one span, not the trace.
                parts.warnings.add("span #" + spanOrdinal + " could not be read and was skipped: " + bug);
            }
        }
    }

    /**
     * True when the value is the container expected; otherwise it is skipped, with a warning unless it is null
     * (MLflow writes null for an absent field).
     */
    private static boolean expect(JsonParser p, JsonToken actual, JsonToken expected, String mismatch,
            TraceParts parts) {
        if (actual == expected) return true;
        if (actual != JsonToken.VALUE_NULL) parts.warnings.add(mismatch + " and was ignored");
        p.skipChildren();
        return false;
    }

    private void deliver(TraceParts parts, String positionalRef, boolean rootValue) {
        TraceAssembler.Outcome outcome;
        try {
            outcome = TraceAssembler.assemble(parts);
        } catch (ListenerFailure f) {
            throw f;
        } catch (RuntimeException bug) {
            // A reader bug must cost one trace, not the file.
            problem(positionalRef, "could not be read: " + bug);
            return;
        }
        switch (outcome) {
            case Accepted a -> {
                traceOutcomes++;
                sink.trace(a.trace(), a.warnings());
            }
            case Rejected r -> {
                String ref = r.traceId() != null ? r.traceId() : positionalRef;
                if (r.notATrace() && rootValue) {
                    rootProblem(ref, r.message());
                } else {
                    problem(ref, r.message());
                }
            }
        }
    }

    private void rootProblem(String positionalRef, String message) {
        if (rootValues == 1 && pendingRootProblem == null) {
            pendingRootProblem = new Pending(positionalRef, message);
        } else {
            problem(positionalRef, message);
        }
    }

    private void problem(@Nullable String ref, String message) {
        problems++;
        if (!java.util.Objects.equals(ref, source.whole())) traceOutcomes++;
        sink.problem(ref, message);
    }

    /**
     * Reading ends at {@code where}: the user learns that nothing after it was read. A file that fails before its first
     * trace is simply unreadable, and says so.
     */
    private void stopped(@Nullable String where, String message) {
        problems++;
        if (java.util.Objects.equals(where, source.whole()) && traceOutcomes == 0) {
            sink.problem(null, message);
        } else {
            sink.stoppedReading(where, "reading stopped here: " + message + "; the rest of the "
                    + (source.inArchive() ? "entry" : "file") + " was not read");
        }
    }

    private static @Nullable String textOrNull(JsonNode v) {
        return v.isNull() ? null : Fields.rawText(v);
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
