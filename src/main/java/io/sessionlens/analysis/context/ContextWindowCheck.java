package io.sessionlens.analysis.context;

import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.ContextWindow;
import io.sessionlens.analysis.text.Excerpt;
import io.sessionlens.analysis.text.Terms;
import io.sessionlens.analysis.text.TurnList;
import io.sessionlens.analysis.transcript.ChatMessage;
import io.sessionlens.analysis.transcript.ChatRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Compares what each turn's LLM calls were given with the conversation so far. A model that lost turn 1 cannot
 * remember the budget the user gave in turn 1, and a model that got a summary remembers only what the summary kept:
 * these explain "it forgot what I said" failures that no judge points at directly.
 */
public final class ContextWindowCheck {

    /** A summary message put in place of history; inside a system prompt only the unambiguous phrases count. */
    private static final Pattern SUMMARY = Pattern.compile("\\bsummar(y|ies|ised|ized)\\b|conversation so far");
    private static final Pattern SUMMARY_IN_SYSTEM_PROMPT = Pattern.compile(
            "summary of (the |our )?(previous |earlier |prior )?(conversation|discussion|chat)|conversation summary"
                    + "|summary so far|conversation so far|previously discussed|earlier in (this|the) conversation");

    /** Texts shorter than this ("yes", "ok") match too much when searched inside other text, so they must be equal. */
    private static final int MIN_SEARCHABLE = 12;

    private ContextWindowCheck() {}

    /** One earlier or current turn's text, as the transcript read it. */
    public record TurnText(String userText, String assistantText) {}

    public record Result(List<ContextWindow> windows, List<ContextFinding> findings) {}

    /** What one call was given, measured against the turns before it. */
    private record Observation(String spanId, int messages, List<Integer> seen, List<Integer> dropped,
            @Nullable String summary, @Nullable String duplicate, @Nullable String systemPrompt) {}

    /**
     * @param turns the session's turns in order
     * @param calls each turn's LLM calls in start order (same length as {@code turns})
     */
    public static Result check(List<TurnText> turns, List<List<LlmCall>> calls) {
        List<ContextWindow> windows = new ArrayList<>();
        List<ContextFinding> findings = new ArrayList<>();
        Observation previousMain = null;
        boolean noHistoryReported = false;
        for (int t = 1; t <= turns.size(); t++) {
            List<TurnText> earlier = turns.subList(0, t - 1);
            List<Observation> obs = calls.get(t - 1).stream().map(c -> observe(c, earlier)).toList();
            if (obs.isEmpty()) {
                windows.add(ContextWindow.unknown(t - 1));
                previousMain = null;
                continue;
            }
            Observation main = obs.getLast();
            boolean promptChanged = previousMain != null && !normalise(previousMain.systemPrompt()).equals(normalise(main.systemPrompt()));
            windows.add(new ContextWindow(main.spanId(), main.messages(), main.seen().size(), t - 1, main.dropped(),
                    obs.stream().anyMatch(o -> o.summary() != null), obs.stream().anyMatch(o -> o.duplicate() != null),
                    promptChanged));

            final int turn = t;
            obs.stream().filter(o -> !o.seen().isEmpty() && !o.dropped().isEmpty()).reduce((a, b) -> b).ifPresent(o -> {
                boolean window = o.dropped().getLast() < o.seen().getFirst();
                findings.add(new ContextFinding(turn, window ? "sliding_window" : "history_gap", "turn " + turn
                        + ": the model saw " + TurnList.describe(o.seen()) + " but not " + TurnList.describe(o.dropped())
                        + (window ? " (a sliding window of " + o.messages() + " messages)" : "")));
            });
            if (main.seen().isEmpty() && !main.dropped().isEmpty()) {
                if (previousMain != null && !previousMain.seen().isEmpty()) {
                    findings.add(new ContextFinding(t, "no_history", "turn " + t + ": the model got none of the "
                            + main.dropped().size() + " earlier turns, although turn " + (t - 1) + "'s call still carried history"));
                } else if (!noHistoryReported) {
                    findings.add(new ContextFinding(t, "no_history", "from turn " + t
                            + " on, the model's input carries none of the earlier turns: the app passes no conversation history"));
                    noHistoryReported = true;
                }
            }
            obs.stream().map(Observation::summary).filter(s -> s != null).findFirst().ifPresent(s ->
                    findings.add(new ContextFinding(turn, "summary_inserted", "turn " + turn + ": " + s)));
            obs.stream().map(Observation::duplicate).filter(s -> s != null).findFirst().ifPresent(s ->
                    findings.add(new ContextFinding(turn, "duplicated_history", "turn " + turn + ": " + s)));
            if (promptChanged) {
                findings.add(new ContextFinding(t, "system_prompt_changed", "turn " + t + ": the system prompt changed since turn "
                        + (t - 1) + ": " + quoteOrNone(previousMain.systemPrompt()) + " → " + quoteOrNone(main.systemPrompt())));
            }
            previousMain = main;
        }
        return new Result(windows, findings);
    }

    private static Observation observe(LlmCall call, List<TurnText> earlier) {
        List<ChatMessage> all = call.input().messages();
        List<ChatMessage> history = call.input().history();
        // a completion-style prompt is one string that may embed the history: search all of it
        List<ChatMessage> searchable = history.isEmpty() && all.size() == 1 ? all : history;
        List<Integer> seen = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        for (int k = 1; k <= earlier.size(); k++) {
            TurnText e = earlier.get(k - 1);
            if (e.userText().isBlank() && e.assistantText().isBlank()) continue; // nothing to look for
            boolean found = appears(searchable, e.userText()) || appears(searchable, e.assistantText());
            (found ? seen : dropped).add(k);
        }
        return new Observation(call.spanId(), all.size(), seen, dropped, summary(history, earlier),
                duplicate(history, earlier), systemPrompt(all));
    }

    private static @Nullable String summary(List<ChatMessage> history, List<TurnText> earlier) {
        boolean allAnswersKnown = earlier.stream().noneMatch(e -> e.assistantText().isBlank());
        for (int i = 0; i < history.size(); i++) {
            ChatMessage m = history.get(i);
            if (!m.hasContent() || m.role() == ChatRole.TOOL) continue;
            boolean leadingSystem = m.role() == ChatRole.SYSTEM && history.subList(0, i).stream().allMatch(p -> p.role() == ChatRole.SYSTEM);
            Pattern summary = leadingSystem ? SUMMARY_IN_SYSTEM_PROMPT : SUMMARY;
            if (summary.matcher(m.content().toLowerCase(Locale.ROOT)).find()) {
                return "the model's input holds a summary in place of earlier turns: " + Excerpt.quoted(m.content());
            }
            if (leadingSystem || !m.toolCalls().isEmpty() || m.role() != ChatRole.ASSISTANT || !allAnswersKnown) continue;
            boolean said = earlier.stream().anyMatch(e -> matches(m.content(), e.assistantText())
                    || Terms.similarity(m.content(), e.assistantText()) >= 0.5);
            if (!said) {
                return "the model's input holds an assistant message that no earlier turn said: " + Excerpt.quoted(m.content());
            }
        }
        return null;
    }

    /** An earlier message appearing more often in the input than it was said in the conversation. */
    private static @Nullable String duplicate(List<ChatMessage> history, List<TurnText> earlier) {
        Map<String, Integer> said = new HashMap<>();
        for (TurnText e : earlier) {
            said.merge("user\u0000" + normalise(e.userText()), 1, Integer::sum);
            said.merge("assistant\u0000" + normalise(e.assistantText()), 1, Integer::sum);
        }
        for (int k = 1; k <= earlier.size(); k++) {
            TurnText e = earlier.get(k - 1);
            for (boolean user : new boolean[] {true, false}) {
                String text = user ? e.userText() : e.assistantText();
                if (normalise(text).length() < 3) continue;
                ChatRole role = user ? ChatRole.USER : ChatRole.ASSISTANT;
                long copies = history.stream().filter(m -> m.role() == role && matches(m.content(), text)).count();
                int times = said.getOrDefault((user ? "user\u0000" : "assistant\u0000") + normalise(text), 1);
                if (copies > times) {
                    return "turn " + k + "'s " + (user ? "user message" : "answer") + " appears " + copies
                            + " times in the model's input: " + Excerpt.quoted(text);
                }
            }
        }
        return null;
    }

    private static @Nullable String systemPrompt(List<ChatMessage> messages) {
        List<String> parts = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (m.role() != ChatRole.SYSTEM) break;
            parts.add(m.content());
        }
        String s = String.join("\n", parts);
        return s.isBlank() ? null : s;
    }

    private static boolean appears(List<ChatMessage> messages, String text) {
        if (normalise(text).isEmpty()) return false;
        return messages.stream().anyMatch(m -> m.role() != ChatRole.SYSTEM && matches(m.content(), text)
                || m.role() == ChatRole.SYSTEM && normalise(text).length() >= MIN_SEARCHABLE && normalise(m.content()).contains(normalise(text)));
    }

    /** The message is this text, contains it, or is a cut-down copy of it (apps trim old messages). */
    private static boolean matches(String message, String text) {
        String m = normalise(message);
        String t = normalise(text);
        if (m.isEmpty() || t.isEmpty()) return false;
        if (t.length() < MIN_SEARCHABLE || m.length() < MIN_SEARCHABLE) return m.equals(t);
        return m.contains(t) || (m.length() >= 40 && t.contains(m));
    }

    private static String normalise(@Nullable String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private static String quoteOrNone(@Nullable String s) {
        return s == null ? "(none)" : Excerpt.quoted(s);
    }
}
