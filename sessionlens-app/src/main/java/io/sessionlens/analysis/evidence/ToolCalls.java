package io.sessionlens.analysis.evidence;

import io.sessionlens.analysis.ToolCall;
import io.sessionlens.trace.chat.ChatMessage;
import io.sessionlens.trace.chat.ChatRole;
import io.sessionlens.trace.chat.Conversation;
import io.sessionlens.trace.chat.SpanIo;
import io.sessionlens.trace.chat.ToolCallRequest;
import io.sessionlens.trace.json.JsonValues;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The tools a turn called. TOOL spans are the record of what ran; tool calls that only appear in chat messages
 * (the app ran the tool without tracing it) are added from the messages of this turn, matched to their results by
 * call id. Calls from earlier turns, which LLM inputs repeat as history, are not this turn's.
 */
public final class ToolCalls {
    private ToolCalls() {}

    public static List<ToolCall> of(Trace trace, List<ChatMessage> turnConversation) {
        List<ToolCall> out = new ArrayList<>();
        Map<String, Integer> spansPerTool = new HashMap<>();
        List<Span> llmSpans = new ArrayList<>();
        for (Span s : trace.tree().preorder()) {
            if (s.spanType().equals("TOOL")) {
                ToolCall call = fromSpan(s);
                out.add(call);
                spansPerTool.merge(call.name(), 1, Integer::sum);
            } else if (s.spanType().equals("LLM") || s.spanType().equals("CHAT_MODEL")) {
                llmSpans.add(s);
            }
        }
        Set<String> seenIds = new HashSet<>();
        addFromMessages(null, currentTurn(turnConversation), spansPerTool, seenIds, out);
        for (Span s : llmSpans) {
            SpanIo.of(s).conversation()
                    .ifPresent(c -> addFromMessages(s.spanId(), c.currentTurn(), spansPerTool, seenIds, out));
        }
        return out;
    }

    private static ToolCall fromSpan(Span s) {
        SpanIo io = SpanIo.of(s);
        String name = firstNonBlank(attr(s, "tool_call.function.name"), attr(s, "gen_ai.tool.name"),
                attr(s, "tool.name"), s.name());
        String args = io.hasInputs()
                ? JsonValues.asText(io.inputs())
                : firstNonBlank(attr(s, "tool_call.function.arguments"), attr(s, "gen_ai.tool.call.arguments"));
        String result = io.hasOutputs()
                ? JsonValues.asText(io.outputs())
                : firstNonBlank(attr(s, "gen_ai.tool.call.result"));
        String error = null;
        if (ErrorSpans.failed(s)) {
            var e = ErrorSpans.describe(s);
            error = e.message() != null
                    ? e.message()
                    : e.exceptionType() != null ? e.exceptionType() : "the span failed";
        }
        return new ToolCall(s.spanId(), name, emptyToNull(args), emptyToNull(result), error);
    }

    private static List<ChatMessage> currentTurn(List<ChatMessage> conversation) {
        return new Conversation("", conversation).currentTurn();
    }

    private static void addFromMessages(@Nullable String spanId, List<ChatMessage> messages,
            Map<String, Integer> spansPerTool, Set<String> seenIds, List<ToolCall> out) {
        Map<String, ChatMessage> results = new HashMap<>();
        for (ChatMessage m : messages) {
            if (m.role() == ChatRole.TOOL && m.toolCallId() != null) results.putIfAbsent(m.toolCallId(), m);
        }
        for (ChatMessage m : messages) {
            for (ToolCallRequest r : m.toolCalls()) {
                String key = r.id() != null && !r.id().isBlank() ? r.id() : r.name() + "\u0000" + r.arguments();
                if (!seenIds.add(key)) continue;
                int spans = spansPerTool.getOrDefault(r.name(), 0);
                if (spans > 0) { // a TOOL span already records this call, with its real result
                    spansPerTool.put(r.name(), spans - 1);
                    continue;
                }
                ChatMessage result = r.id() == null ? null : results.get(r.id());
                out.add(new ToolCall(spanId, r.name(), emptyToNull(r.arguments()),
                        result == null ? null : emptyToNull(result.content()),
                        result != null && result.error()
                                ? firstNonBlank(result.content(), "the tool reported an error")
                                : null));
            }
        }
    }

    private static @Nullable String attr(Span s, String key) {
        String raw = s.attribute(key);
        if (raw == null) return null;
        JsonNode v = JsonValues.decode(raw);
        return JsonValues.asText(v);
    }

    private static String firstNonBlank(@Nullable String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v;
        }
        return "";
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
