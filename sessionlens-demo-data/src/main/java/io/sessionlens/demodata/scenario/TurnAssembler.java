package io.sessionlens.demodata.scenario;

import io.sessionlens.demodata.chat.ChatFormat;
import io.sessionlens.demodata.chat.ChatMessage;
import io.sessionlens.demodata.chat.ChatReply;
import io.sessionlens.demodata.chat.ChatRequest;
import io.sessionlens.demodata.chat.ToolCall;
import io.sessionlens.demodata.chat.ToolSpec;
import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.trace.DemoAssessment;
import io.sessionlens.demodata.trace.DemoEvent;
import io.sessionlens.demodata.trace.DemoSpan;
import io.sessionlens.demodata.trace.DemoTrace;
import io.sessionlens.demodata.trace.DemoTraceState;
import io.sessionlens.demodata.trace.IdSource;
import io.sessionlens.demodata.trace.Json;
import io.sessionlens.demodata.trace.ProtoTime;
import io.sessionlens.demodata.trace.SpanStatusCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

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

        Played played = play(c, userMessage, stepParent, clock);
        ChatReply finalReply = played.finalReply();
        Failure rootFailure = played.rootFailure();
        TurnSteps steps = played.steps();
        String retrieverSpanId = played.retrieverSpanId();

        Long rootEnd = turn.inProgress() ? null : clock.advanceMillis(3, 25);
        JsonNode entryInputs = format.rootInputs(wholeConversation);
        JsonNode entryOutputs = finalReply == null ? null : format.rootOutputs(wholeConversation, finalReply);
        List<DemoEvent> rootEvents = rootFailure == null
                ? List.of()
                : List.of(DemoEvent.exception(steps.failureTime(), rootFailure.exceptionType(), rootFailure.message(),
                        agentFrames(s)
                                + rootFailure.stackTrace().substring(rootFailure.stackTrace().indexOf('\n') + 1)));
        SpanStatusCode rootStatus = rootFailure != null
                ? SpanStatusCode.ERROR
                : turn.inProgress() ? SpanStatusCode.UNSET : TurnSteps.ok(dialect);
        String rootMessage = rootFailure == null ? "" : rootFailure.statusMessage();

        Map<String, JsonNode> entryAttributes = new LinkedHashMap<>(
                format.rootSpanAttributes(wholeConversation, finalReply));
        if (format.rootMessageFormat() != null)
            entryAttributes.put("mlflow.message.format", Json.str(format.rootMessageFormat()));
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
            spans.add(
                    new DemoSpan(rootId, null, s.domain().appName(), type, rootStart, rootEnd, rootStatus, rootMessage,
                            entryInputs, entryOutputs, entryAttributes, rootEvents));
        }
        spans.addAll(steps.spans());

        boolean finished = rootEnd != null;
        DemoTraceState state = rootFailure != null
                ? DemoTraceState.ERROR
                : finished ? DemoTraceState.OK : DemoTraceState.IN_PROGRESS;
        DemoSpan root = spans.getFirst();
        String requestPreview = wrapper ? "{}" : format.requestPreview(wholeConversation, entryInputs);
        String responsePreview = finalReply == null || !finished
                ? null
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
        ChatMessage answer = finalReply == null || !finished
                ? null
                : ChatMessage.assistant(messageId(), finalReply.text());
        Instant end = Instant.ofEpochSecond(0, finished ? rootEnd : clock.now());
        boolean errorSpan = spans.stream().anyMatch(sp -> sp.status() == SpanStatusCode.ERROR);
        return new AssembledTurn(c.number(), trace, userMessage, answer, end, errorSpan);
    }

    /** What a turn's steps produced: the final answer, or the tool failure that ended the turn. */
    private record Played(TurnSteps steps, @Nullable String retrieverSpanId, @Nullable ChatReply finalReply,
            @Nullable Failure rootFailure) {}

    /** Retrieval, a failed model call if scripted, tool calls, then the final model call. */
    private Played play(TurnContext c, ChatMessage userMessage, String stepParent, Timeline clock) {
        Script s = c.script();
        ScriptTurn turn = c.turn();
        ChatFormat format = s.format();
        TurnSteps steps = new TurnSteps(ids, c, stepParent, clock);
        String retrieverSpanId = turn.docs().isEmpty() ? null : steps.retrieve(turn);

        List<ChatMessage> modelMessages = window(c.history(), s.historyTurns());
        modelMessages.add(userMessage);
        String model = s.model();
        if (turn.modelFailure() != null) {
            steps.callModel(request(s, c, model, modelMessages), "", List.of(), TurnSteps.Outcome.FAILED,
                    turn.modelFailure().failure());
            model = turn.modelFailure().fallbackModel();
        }
        Failure rootFailure = null;
        if (!turn.tools().isEmpty()) {
            List<ToolCall> calls = turn.tools().stream()
                    .map(t -> new ToolCall(format.toolCallIdPrefix() + ids.token(22), t.name(), t.arguments()))
                    .toList();
            steps.callModel(request(s, c, model, modelMessages), "", calls, TurnSteps.Outcome.ANSWERED, null);
            modelMessages.add(ChatMessage.assistantCalling(messageId(), "", calls));
            for (int i = 0; i < calls.size() && rootFailure == null; i++) {
                ToolUse use = turn.tools().get(i);
                steps.runTool(use, calls.get(i));
                if (use.failure() != null) rootFailure = use.failure();
                else
                    modelMessages.add(ChatMessage.toolResult(messageId(), calls.get(i), use.result()));
            }
        }
        ChatReply finalReply = null;
        if (rootFailure == null) {
            TurnSteps.Outcome outcome = turn.inProgress() ? TurnSteps.Outcome.RUNNING : TurnSteps.Outcome.ANSWERED;
            finalReply = steps.callModel(request(s, c, model, modelMessages), turn.assistant(), List.of(), outcome,
                    null);
        }
        return new Played(steps, retrieverSpanId, finalReply, rootFailure);
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
            if (history.get(from).role() == io.sessionlens.demodata.chat.Role.USER) userMessagesSeen++;
        }
        return new ArrayList<>(history.subList(from, history.size()));
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
