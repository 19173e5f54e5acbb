package io.sessionlens.analysis.transcript;

import io.sessionlens.analysis.ReadFrom;
import io.sessionlens.analysis.TurnMapping;
import io.sessionlens.trace.chat.ChatFormatDetector;
import io.sessionlens.trace.chat.ChatMessage;
import io.sessionlens.trace.chat.Conversation;
import io.sessionlens.trace.chat.SideText;
import io.sessionlens.trace.chat.SpanIo;
import io.sessionlens.trace.chat.ValueText;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.MlflowKeys;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.SpanStatus;
import io.sessionlens.trace.model.SpanTree;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads what the user said and what the system answered in one turn (one trace). The root span normally holds
 * both. When the root holds the user's input but no output (the turn failed, or the app did not record it), the
 * answer is the final message of the turn's last model call ({@code LLM}/{@code CHAT_MODEL} span, or a step whose
 * output is chat messages), never an intermediate step's output such as the retrieval's context; when that last
 * call produced nothing, the turn has no answer. A root without any I/O is a wrapper: we descend breadth-first,
 * preferring CHAIN/AGENT children, to the first span that has both. Sides still missing come from the trace info's
 * request/response ({@code request_preview}, or {@code request} in 2.x and early 3.x exports, which the importer keeps
 * in the same place), then from the 250-character metadata copies, the order MLflow's UI uses. A turn that failed
 * without an answer says so in its {@link ReadFrom#source()}. An analyst's {@link TurnMapping} overrides all of this.
 */
public final class TurnReader {

    public static final String SOURCE_ROOT = "root span";
    public static final String SOURCE_CHILD = "child span (breadth-first)";
    public static final String SOURCE_MAPPING = "analyst mapping";
    public static final String SOURCE_MODEL = "last model call";
    /**
     * The trace info's request/response: MLflow's {@code request_preview}/{@code response_preview}, or in 2.x and
     * early 3.x exports the {@code request}/{@code response} fields that preceded them.
     */
    public static final String SOURCE_PREVIEW = "trace info (preview or legacy request/response)";
    public static final String SOURCE_METADATA = "trace metadata";
    public static final String SOURCE_NONE = "none";
    /** The assistant side of a turn that ended in an error before any answer was written. */
    public static final String SOURCE_FAILED = "no answer: the turn ended in an error";

    /** Spans that call a model: their output is the model's own message. */
    private static final Set<String> MODEL_CALLS = Set.of("LLM", "CHAT_MODEL");

    /** Spans that do work for a turn but never hold the conversation itself (a retriever's query is not the user). */
    private static final Set<String> NOT_CONVERSATION = Set.of("TOOL", "RETRIEVER", "EMBEDDING", "RERANKER", "MEMORY",
            "GUARDRAIL", "EVALUATOR", "PARSER");

    /** MLflow's OSS client cuts previews to 1,000 characters ending in "...". */
    private static final int PREVIEW_LIMIT = 1_000;

    private final List<TurnMapping> mappings;

    public TurnReader(List<TurnMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /** One side of the turn and where it came from; {@code text} empty when that source had no value. */
    private record Side(Optional<SideText> text, String source, @Nullable Span span, boolean truncated) {
        static Side none() {
            return new Side(Optional.empty(), SOURCE_NONE, null, false);
        }

        boolean present() {
            return text.isPresent();
        }
    }

    public TurnText read(Trace trace) {
        SpanTree tree = trace.tree();
        for (TurnMapping m : mappings) {
            Optional<TurnText> mapped = mapped(tree, m);
            if (mapped.isPresent()) return mapped.get();
        }
        Side user = Side.none();
        Side assistant = Side.none();
        List<ChatMessage> conversation = List.of();
        Span root = tree.root().orElse(null);
        SpanIo rootIo = root == null ? null : SpanIo.of(root);
        if (root != null && rootIo.hasInputs() && !rootIo.hasOutputs()) {
            // the root holds what the user typed (a child's input may be a prompt template); it recorded no answer,
            // so the answer is what the model said last, not whatever step happened to finish
            user = new Side(ValueText.user(rootIo.inputs(), rootIo.formatHint()), SOURCE_ROOT, root, false);
            Optional<Span> model = lastModelCall(tree, root);
            if (model.isPresent()) {
                SpanIo io = SpanIo.of(model.get());
                Optional<Conversation> chat = io.conversation();
                if (chat.isPresent()) {
                    conversation = chat.get().messages();
                    assistant = chat.get().assistantText()
                            .map(t -> new Side(Optional.of(new SideText(t, "", chat.get().format())), SOURCE_MODEL,
                                    model.get(), false))
                            .orElse(Side.none());
                } else if (io.hasOutputs()) {
                    assistant = new Side(ValueText.assistant(io.outputs(), io.formatHint()), SOURCE_MODEL, model.get(),
                            false);
                }
            }
        } else {
            for (Span s : readingOrder(tree)) {
                if (s != root && NOT_CONVERSATION.contains(s.spanType())) continue;
                SpanIo io = SpanIo.of(s);
                if (io.hasInputs() && io.hasOutputs()) {
                    String source = s == root ? SOURCE_ROOT : SOURCE_CHILD;
                    Optional<Conversation> chat = io.conversation();
                    if (chat.isPresent()) {
                        String fmt = chat.get().format();
                        user = new Side(Optional.of(new SideText(chat.get().userText().orElse(""), "", fmt)), source, s,
                                false);
                        assistant = new Side(Optional.of(new SideText(chat.get().assistantText().orElse(""), "", fmt)),
                                source, s, false);
                        conversation = chat.get().messages();
                    } else {
                        user = new Side(ValueText.user(io.inputs(), io.formatHint()), source, s, false);
                        assistant = new Side(ValueText.assistant(io.outputs(), io.formatHint()), source, s, false);
                    }
                    break;
                }
                if (!user.present() && io.hasInputs()) {
                    user = new Side(ValueText.user(io.inputs(), io.formatHint()),
                            s == root ? SOURCE_ROOT : SOURCE_CHILD, s, false);
                }
            }
        }
        if (!user.present())
            user = fallback(trace.info().requestPreview(), trace.info().metadata().get(MlflowKeys.TRACE_INPUTS), true);
        if (!assistant.present())
            assistant = fallback(trace.info().responsePreview(), trace.info().metadata().get(MlflowKeys.TRACE_OUTPUTS),
                    false);
        if (!assistant.present() && failed(trace, root))
            assistant = new Side(Optional.empty(), SOURCE_FAILED, null, false);
        return combine(user, assistant, conversation);
    }

    /**
     * The model call that finished last (LLM/CHAT_MODEL spans, and steps whose output is chat messages, such as a
     * LangGraph node returning the model's message), below the root. Unfinished spans count as finishing last.
     */
    private static Optional<Span> lastModelCall(SpanTree tree, Span root) {
        Span best = null;
        long bestEnd = Long.MIN_VALUE;
        for (Span s : tree.preorder()) {
            if (s == root || NOT_CONVERSATION.contains(s.spanType())) continue;
            boolean model = MODEL_CALLS.contains(s.spanType());
            if (!model) {
                SpanIo io = SpanIo.of(s);
                if (!io.hasOutputs() || ChatFormatDetector.read(io.outputs(), io.formatHint()).isEmpty()) continue;
            }
            long end = s.endTimeUnixNano() == null ? Long.MAX_VALUE : s.endTimeUnixNano();
            if (end >= bestEnd) { // on a tie the later one in the tree: the model call rather than its wrapper
                best = s;
                bestEnd = end;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The turn ended in an error: the trace's state says so, or its root span failed. */
    private static boolean failed(Trace trace, @Nullable Span root) {
        return trace.info().state() == TraceState.ERROR || (root != null && root.status() == SpanStatus.ERROR);
    }

    private Optional<TurnText> mapped(SpanTree tree, TurnMapping m) {
        Optional<Span> span = SpanPath.find(tree, m.spanName());
        if (span.isEmpty()) return Optional.empty();
        SpanIo io = SpanIo.of(span.get());
        JsonNode in = m.inputKey().isEmpty() ? io.inputs() : member(io.inputs(), m.inputKey());
        JsonNode out = m.outputKey().isEmpty() ? io.outputs() : member(io.outputs(), m.outputKey());
        if (!JsonValues.meaningful(in) && !JsonValues.meaningful(out)) return Optional.empty();
        Optional<Conversation> chat = new SpanIo(in, out, io.formatHint(), JsonValues.missing()).conversation();
        Optional<SideText> user = chat.isPresent()
                ? Optional.of(new SideText(chat.get().userText().orElse(""), m.inputKey(), chat.get().format()))
                : ValueText.user(in, io.formatHint()).map(t -> new SideText(t.text(), m.inputKey(), t.format()));
        Optional<SideText> assistant = chat.isPresent()
                ? Optional.of(new SideText(chat.get().assistantText().orElse(""), m.outputKey(), chat.get().format()))
                : ValueText.assistant(out, io.formatHint()).map(t -> new SideText(t.text(), m.outputKey(), t.format()));
        return Optional.of(combine(new Side(user, SOURCE_MAPPING, span.get(), false),
                new Side(assistant, SOURCE_MAPPING, span.get(), false),
                chat.map(Conversation::messages).orElse(List.of())));
    }

    private static JsonNode member(JsonNode value, String key) {
        JsonNode v = JsonValues.field(value, key);
        return v == null ? JsonValues.missing() : v;
    }

    /**
     * Previews are what MLflow computed from the root's I/O (already the last user / assistant message for chat);
     * the metadata copies are the raw serialized I/O cut at 250 characters.
     */
    private static Side fallback(@Nullable String preview, @Nullable String metadata, boolean userSide) {
        if (preview != null && !preview.isBlank()) {
            JsonNode v = JsonValues.decode(preview);
            boolean cut = preview.length() >= PREVIEW_LIMIT && preview.endsWith("...");
            return new Side(userSide ? ValueText.user(v, null) : ValueText.assistant(v, null), SOURCE_PREVIEW, null,
                    cut);
        }
        if (metadata != null && !metadata.isBlank()) {
            boolean cut = metadata.length() >= MlflowKeys.TRACE_IO_METADATA_LIMIT && metadata.endsWith("...");
            JsonNode v = JsonValues.decode(metadata);
            if (cut && v.isString() && metadata.startsWith("\"")) {
                // a cut JSON string is no longer valid JSON: drop its opening quote rather than show it
                v = JsonValues.string(metadata.substring(1));
            }
            return new Side(userSide ? ValueText.user(v, null) : ValueText.assistant(v, null), SOURCE_METADATA, null,
                    cut);
        }
        return Side.none();
    }

    private static TurnText combine(Side user, Side assistant, List<ChatMessage> conversation) {
        Span span = user.span() != null ? user.span() : assistant.span();
        String source = user.source().equals(assistant.source())
                ? user.source()
                : user.source().equals(SOURCE_NONE)
                        ? assistant.source()
                        : assistant.source().equals(SOURCE_NONE)
                                ? user.source()
                                : user.source() + " + " + assistant.source();
        String format = user.text().or(assistant::text).map(SideText::format).orElse("none");
        ReadFrom readFrom = new ReadFrom(span == null ? null : span.spanId(), span == null ? null : span.name(),
                user.text().map(SideText::key).orElse(""), assistant.text().map(SideText::key).orElse(""), format,
                source);
        return new TurnText(user.text().map(SideText::text).orElse(""), assistant.text().map(SideText::text).orElse(""),
                user.truncated() || assistant.truncated(), readFrom, conversation);
    }

    /**
     * Breadth-first from the root, then any extra roots (orphans of an unfinished trace). Among siblings, CHAIN and
     * AGENT spans come first because they wrap the conversation; LLM calls next; tools and retrievers last.
     */
    static List<Span> readingOrder(SpanTree tree) {
        List<Span> out = new ArrayList<>(tree.size());
        List<Span> roots = new ArrayList<>(tree.roots());
        tree.root().ifPresent(r -> {
            roots.remove(r);
            roots.addFirst(r);
        });
        Deque<Span> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            Span s = queue.poll();
            out.add(s);
            tree.children(s.spanId()).stream().sorted(Comparator.comparingInt(TurnReader::siblingRank))
                    .forEach(queue::add);
        }
        return out;
    }

    private static int siblingRank(Span s) {
        return switch (s.spanType()) {
            case "CHAIN", "AGENT", "WORKFLOW", "TASK" -> 0;
            case "LLM", "CHAT_MODEL" -> 1;
            default -> NOT_CONVERSATION.contains(s.spanType()) ? 3 : 2;
        };
    }
}
