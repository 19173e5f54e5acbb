package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.chat.ChatFormat;
import io.sessionlens.demodata.chat.ChatReply;
import io.sessionlens.demodata.chat.ChatRequest;
import io.sessionlens.demodata.chat.OpenAiChatFormat;
import io.sessionlens.demodata.chat.ToolCall;
import io.sessionlens.demodata.chat.ToolSpec;
import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoEvent;
import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.IdSource;
import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.SpanStatusCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The child spans of one turn (retrieval, model calls, tool calls), each starting where the previous ended, and
 * what they consumed.
 */
final class TurnSteps {
    enum Outcome {
        ANSWERED, FAILED, RUNNING
    }

    private static final String FUNCTION_NAME = "mlflow.spanFunctionName";

    private final IdSource ids;
    private final Random random;
    private final TurnContext c;
    private final String parentId;
    private final Timeline clock;
    private final List<DemoSpan> spans = new ArrayList<>();
    private long inputTokens;
    private long outputTokens;
    private long failureTime;

    TurnSteps(IdSource ids, TurnContext c, String parentId, Timeline clock) {
        this.ids = ids;
        this.random = ids.random();
        this.c = c;
        this.parentId = parentId;
        this.clock = clock;
    }

    List<DemoSpan> spans() {
        return spans;
    }

    /** When the failing tool raised; the exception reached the root at the same moment. */
    long failureTime() {
        return failureTime;
    }

    TraceMetadata.TokenCount tokens() {
        return new TraceMetadata.TokenCount(inputTokens, outputTokens);
    }

    String retrieve(ScriptTurn turn) {
        String id = ids.spanHex();
        long start = clock.now();
        long end = clock.advanceMillis(60, 320);
        ArrayNode docs = Json.arr();
        String contentKey = c.script().domain().docContentKey();
        for (RetrievedDoc d : turn.docs()) {
            ObjectNode doc = docs.addObject();
            doc.put(contentKey, d.content());
            doc.set("metadata", d.metadata());
            doc.put("id", d.id());
            doc.put("score", d.score());
        }
        ObjectNode query = Json.obj();
        query.put("query", turn.user());
        spans.add(new DemoSpan(id, parentId, c.script().domain().retrieverName(), "RETRIEVER", start, end,
                ok(c.script().dialect()), "", query, docs, Map.of(FUNCTION_NAME, Json.str("retrieve")), List.of()));
        clock.advanceMillis(1, 6);
        return id;
    }

    @Nullable
    ChatReply callModel(ChatRequest request, String text, List<ToolCall> calls, Outcome outcome,
            @Nullable Failure failure) {
        ChatFormat format = c.script().format();
        long start = clock.now();
        int in = Tokens.request(request);
        int out = Tokens.reply(text, calls);
        long latencyMs = outcome == Outcome.FAILED ? 180 + random.nextInt(520) : 380 + out * 14L + random.nextInt(450);
        ChatReply reply = outcome == Outcome.ANSWERED
                ? new ChatReply(ids.token(29), request.model(), text, calls, start / 1_000_000_000L, in, out, latencyMs)
                : null;
        Map<String, JsonNode> attrs = new LinkedHashMap<>();
        if (reply != null) {
            ObjectNode usage = Json.obj();
            usage.put("input_tokens", in);
            usage.put("output_tokens", out);
            usage.put("total_tokens", in + out);
            attrs.put("mlflow.chat.tokenUsage", usage);
            inputTokens += in;
            outputTokens += out;
        }
        Dialect d = c.script().dialect();
        if (reply != null && (d == Dialect.MLFLOW_2 || d == Dialect.MLFLOW_3_0_TO_3_4)) {
            attrs.put("mlflow.chat.messages", OpenAiChatFormat.legacyChatMessages(request, reply));
        }
        // 2.x autologging predates the message-format hint.
        if (format.messageFormat() != null && d != Dialect.MLFLOW_2) {
            attrs.put("mlflow.message.format", Json.str(format.messageFormat()));
        }
        if (d == Dialect.MLFLOW_3_6_PLUS || d == Dialect.REST) attrs.put("mlflow.llm.model", Json.str(request.model()));
        if (!request.tools().isEmpty()) {
            attrs.put("mlflow.chat.tools", Json.arr(request.tools().stream().map(ToolSpec::openAiDefinition).toList()));
        }
        attrs.putAll(format.modelSpanAttributes(request, reply));
        Long end = null;
        if (outcome != Outcome.RUNNING) {
            clock.moveTo(start + latencyMs * 1_000_000L);
            end = clock.advanceMillis(0, 1);
        }
        List<DemoEvent> events = List.of();
        SpanStatusCode status = outcome == Outcome.RUNNING ? SpanStatusCode.UNSET : ok(d);
        String message = "";
        if (failure != null) {
            status = SpanStatusCode.ERROR;
            message = failure.statusMessage();
            events = List
                    .of(DemoEvent.exception(end, failure.exceptionType(), failure.message(), failure.stackTrace()));
        }
        spans.add(new DemoSpan(ids.spanHex(), parentId, format.modelSpanName(request.model()), format.modelSpanType(),
                start, end, status, message, format.request(request),
                reply == null ? null : format.response(request, reply), attrs, events));
        if (end != null) clock.advanceMillis(1, 9);
        return reply;
    }

    void runTool(ToolUse use, ToolCall call) {
        long start = clock.now();
        long end = clock.advanceMillis(90, 720);
        Failure f = use.failure();
        List<DemoEvent> events = f == null
                ? List.of()
                : List.of(DemoEvent.exception(end, f.exceptionType(), f.message(), f.stackTrace()));
        if (f != null) failureTime = end;
        spans.add(new DemoSpan(ids.spanHex(), parentId, use.name(), "TOOL", start, end,
                f == null ? ok(c.script().dialect()) : SpanStatusCode.ERROR, f == null ? "" : f.statusMessage(),
                call.arguments(), f == null ? Json.parseOrString(use.result()) : null,
                Map.of(FUNCTION_NAME, Json.str(use.name())), events));
        clock.advanceMillis(1, 6);
    }

    /** OpenInference producers leave successful spans UNSET (fixture 06); MLflow's client marks them OK. */
    static SpanStatusCode ok(Dialect d) {
        return d == Dialect.OPENINFERENCE_OTLP ? SpanStatusCode.UNSET : SpanStatusCode.OK;
    }
}
