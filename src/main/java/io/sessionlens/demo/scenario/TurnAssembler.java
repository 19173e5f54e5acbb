package io.sessionlens.demo.scenario;

import io.sessionlens.demo.chat.ChatFormat;
import io.sessionlens.demo.chat.ChatMessage;
import io.sessionlens.demo.chat.ChatReply;
import io.sessionlens.demo.chat.ChatRequest;
import io.sessionlens.demo.chat.OpenAiChatFormat;
import io.sessionlens.demo.chat.ToolCall;
import io.sessionlens.demo.chat.ToolSpec;
import io.sessionlens.demo.dialect.Dialect;
import io.sessionlens.demo.trace.DemoAssessment;
import io.sessionlens.demo.trace.DemoEvent;
import io.sessionlens.demo.trace.DemoSpan;
import io.sessionlens.demo.trace.DemoTrace;
import io.sessionlens.demo.trace.DemoTraceState;
import io.sessionlens.demo.trace.IdSource;
import io.sessionlens.demo.trace.Json;
import io.sessionlens.demo.trace.ProtoTime;
import io.sessionlens.demo.trace.SpanStatusCode;
import java.time.Instant;
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
 * Turns one scripted turn into a trace: root (CHAIN/AGENT) → RETRIEVER → model call → TOOL spans → model call,
 * on a believable timeline, with the model seeing the system prompt, the (possibly windowed) history and the new
 * user message.
 */
final class TurnAssembler {
    private static final String FUNCTION_NAME = "mlflow.spanFunctionName";

    private final IdSource ids;
    private final Random random;
    private final AssessmentFactory assessments;

    TurnAssembler(IdSource ids) {
        this.ids = ids;
        this.random = ids.random();
        this.assessments = new AssessmentFactory(ids);
    }

    AssembledTurn assemble(TurnContext c) {
        Script s = c.script();
        ScriptTurn turn = c.turn();
        ChatFormat format = s.format();
        Dialect dialect = s.dialect();
        String otelHex = ids.traceHex();
        String traceId = dialect.usesTrPrefixedTraceIds() ? "tr-" + otelHex : ids.traceHex();

        ChatMessage userMessage = ChatMessage.user(messageId(), turn.user());
        List<ChatMessage> conversation = new ArrayList<>(c.history());
        conversation.add(userMessage);
        List<ToolSpec> tools = s.domain().tools();
        ChatRequest wholeConversation = new ChatRequest(s.model(), c.systemPrompt(), conversation, tools);

        Timeline clock = new Timeline(ProtoTime.epochNanos(c.requestTime()) + random.nextInt(1000) * 1000L, random);
        long rootStart = clock.now();
        String rootId = ids.spanHex();
        boolean wrapper = format.rootIsEmptyWrapper();
        String agentId = wrapper ? ids.spanHex() : null;
        long agentStart = wrapper ? clock.advanceMillis(1, 4) : rootStart;
        String stepParent = wrapper ? agentId : rootId;
        clock.advanceMillis(2, 12);

        Steps steps = new Steps(c, stepParent, clock, traceId);
        String retrieverSpanId = turn.docs().isEmpty() ? null : steps.retrieve(turn);

        List<ChatMessage> modelMessages = window(c.history(), s.historyTurns());
        modelMessages.add(userMessage);
        String model = s.model();
        if (turn.modelFailure() != null) {
            steps.callModel(request(s, c, model, modelMessages), "", List.of(), Outcome.FAILED, turn.modelFailure().failure());
            model = turn.modelFailure().fallbackModel();
        }
        Failure rootFailure = null;
        if (!turn.tools().isEmpty()) {
            List<ToolCall> calls = turn.tools().stream()
                    .map(t -> new ToolCall(format.toolCallIdPrefix() + ids.token(22), t.name(), t.arguments()))
                    .toList();
            steps.callModel(request(s, c, model, modelMessages), "", calls, Outcome.ANSWERED, null);
            modelMessages.add(ChatMessage.assistantCalling(messageId(), "", calls));
            for (int i = 0; i < calls.size() && rootFailure == null; i++) {
                ToolUse use = turn.tools().get(i);
                steps.runTool(use, calls.get(i));
                if (use.failure() != null) rootFailure = use.failure();
                else modelMessages.add(ChatMessage.toolResult(messageId(), calls.get(i), use.result()));
            }
        }
        ChatReply finalReply = null;
        if (rootFailure == null) {
            Outcome outcome = turn.inProgress() ? Outcome.RUNNING : Outcome.ANSWERED;
            finalReply = steps.callModel(request(s, c, model, modelMessages), turn.assistant(), List.of(), outcome, null);
        }

        Long rootEnd = turn.inProgress() ? null : clock.advanceMillis(3, 25);
        JsonNode entryInputs = format.rootInputs(wholeConversation);
        JsonNode entryOutputs = finalReply == null ? null : format.rootOutputs(wholeConversation, finalReply);
        List<DemoEvent> rootEvents = rootFailure == null ? List.of()
                : List.of(DemoEvent.exception(steps.failureTime, rootFailure.exceptionType(), rootFailure.message(),
                        agentFrames(s) + rootFailure.stackTrace().substring(rootFailure.stackTrace().indexOf('\n') + 1)));
        SpanStatusCode rootStatus = rootFailure != null ? SpanStatusCode.ERROR
                : turn.inProgress() ? SpanStatusCode.UNSET : ok(dialect);
        String rootMessage = rootFailure == null ? "" : rootFailure.statusMessage();

        Map<String, JsonNode> entryAttributes = new LinkedHashMap<>(format.rootSpanAttributes(wholeConversation, finalReply));
        if (format.rootMessageFormat() != null) entryAttributes.put("mlflow.message.format", Json.str(format.rootMessageFormat()));
        if (dialect == Dialect.OPENINFERENCE_OTLP) {
            // OTel semconv keys that MLflow copies into mlflow.trace.session / mlflow.trace.user on ingest.
            if (s.sessionId() != null) entryAttributes.put("session.id", Json.str(s.sessionId()));
            entryAttributes.put("user.id", Json.str(s.endUser()));
        }

        List<DemoSpan> spans = new ArrayList<>();
        if (wrapper) {
            spans.add(new DemoSpan(rootId, null, "handle_request", "CHAIN", rootStart, rootEnd, rootStatus, rootMessage,
                    Json.obj(), rootEnd == null ? null : Json.nul(), Map.of(FUNCTION_NAME, Json.str("handle_request")),
                    rootEvents));
            Long agentEnd = rootEnd == null ? null : rootEnd - 1_000_000L;
            Map<String, JsonNode> agentAttributes = new LinkedHashMap<>(entryAttributes);
            agentAttributes.put(FUNCTION_NAME, Json.str("predict"));
            spans.add(new DemoSpan(agentId, rootId, s.domain().agentName(), "AGENT", agentStart, agentEnd, rootStatus,
                    rootMessage, entryInputs, entryOutputs, agentAttributes, List.of()));
        } else {
            if (format.rootMessageFormat() == null) entryAttributes.put(FUNCTION_NAME, Json.str("chat"));
            String type = s.domain().usesTools() ? "AGENT" : "CHAIN";
            spans.add(new DemoSpan(rootId, null, s.domain().appName(), type, rootStart, rootEnd, rootStatus, rootMessage,
                    entryInputs, entryOutputs, entryAttributes, rootEvents));
        }
        spans.addAll(steps.spans);

        boolean finished = rootEnd != null;
        DemoTraceState state = rootFailure != null ? DemoTraceState.ERROR
                : finished ? DemoTraceState.OK : DemoTraceState.IN_PROGRESS;
        DemoSpan root = spans.getFirst();
        String requestPreview = wrapper ? "{}" : format.requestPreview(wholeConversation, entryInputs);
        String responsePreview = finalReply == null || !finished ? null
                : wrapper ? "null" : format.responsePreview(finalReply, entryOutputs);

        List<DemoAssessment> turnAssessments = new ArrayList<>();
        if (c.isFirst()) turnAssessments.addAll(assessments.forSession(c));
        turnAssessments.addAll(assessments.forTurn(c, finalReply != null && finished, retrieverSpanId));

        DemoTrace trace = new DemoTrace(
                traceId,
                otelHex,
                s.domain().experimentId(),
                c.requestTime(),
                finished ? (rootEnd - rootStart) / 1_000_000L : null,
                state,
                TraceMetadata.preview(requestPreview),
                TraceMetadata.preview(responsePreview),
                TraceMetadata.metadata(s, spans, steps.tokens(), finished),
                TraceMetadata.tags(s, traceId, root.name()),
                turnAssessments,
                spans);
        ChatMessage answer = finalReply == null || !finished ? null : ChatMessage.assistant(messageId(), finalReply.text());
        Instant end = Instant.ofEpochSecond(0, finished ? rootEnd : clock.now());
        boolean errorSpan = spans.stream().anyMatch(sp -> sp.status() == SpanStatusCode.ERROR);
        return new AssembledTurn(c.number(), trace, userMessage, answer, end, errorSpan);
    }

    private enum Outcome { ANSWERED, FAILED, RUNNING }

    /** The child spans of one turn, in start order, and what they consumed. */
    private final class Steps {
        final TurnContext c;
        final String parentId;
        final Timeline clock;
        final String traceId;
        final List<DemoSpan> spans = new ArrayList<>();
        long inputTokens;
        long outputTokens;
        long failureTime;

        Steps(TurnContext c, String parentId, Timeline clock, String traceId) {
            this.c = c;
            this.parentId = parentId;
            this.clock = clock;
            this.traceId = traceId;
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

        @Nullable ChatReply callModel(ChatRequest request, String text, List<ToolCall> calls, Outcome outcome,
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
                events = List.of(DemoEvent.exception(end, failure.exceptionType(), failure.message(), failure.stackTrace()));
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
            List<DemoEvent> events = f == null ? List.of()
                    : List.of(DemoEvent.exception(end, f.exceptionType(), f.message(), f.stackTrace()));
            if (f != null) failureTime = end;
            spans.add(new DemoSpan(ids.spanHex(), parentId, use.name(), "TOOL", start, end,
                    f == null ? ok(c.script().dialect()) : SpanStatusCode.ERROR, f == null ? "" : f.statusMessage(),
                    call.arguments(), f == null ? Json.parseOrString(use.result()) : null,
                    Map.of(FUNCTION_NAME, Json.str(use.name())), events));
            clock.advanceMillis(1, 6);
        }
    }

    private static ChatRequest request(Script s, TurnContext c, String model, List<ChatMessage> messages) {
        return new ChatRequest(model, c.systemPrompt(), messages, s.domain().tools());
    }

    /** The last {@code turns} turns of history (user message plus its answer), or all of it for 0. */
    private static List<ChatMessage> window(List<ChatMessage> history, int turns) {
        if (turns <= 0) return new ArrayList<>(history);
        int userMessagesSeen = 0;
        int from = history.size();
        while (from > 0 && userMessagesSeen < turns) {
            from--;
            if (history.get(from).role() == io.sessionlens.demo.chat.Role.USER) userMessagesSeen++;
        }
        return new ArrayList<>(history.subList(from, history.size()));
    }

    /** OpenInference producers leave successful spans UNSET (fixture 06); MLflow's client marks them OK. */
    private static SpanStatusCode ok(Dialect d) {
        return d == Dialect.OPENINFERENCE_OTLP ? SpanStatusCode.UNSET : SpanStatusCode.OK;
    }

    /** The agent frames a tool's exception passed through on its way to the root span. */
    private static String agentFrames(Script s) {
        String app = "/app/" + s.domain().sourceName();
        return "Traceback (most recent call last):\n"
                + "  File \"" + app + "\", line 64, in chat\n"
                + "    result = agent.invoke(state)\n"
                + "  File \"/app/agents/runtime.py\", line 212, in invoke\n"
                + "    observation = self._run_tool(call)\n"
                + "  File \"/app/agents/runtime.py\", line 247, in _run_tool\n"
                + "    return tool.invoke(call.arguments)\n";
    }

    /** LangGraph keeps a uuid4 per message in its state; the other formats ignore it. */
    private String messageId() {
        String h = ids.hex(16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20);
    }
}
