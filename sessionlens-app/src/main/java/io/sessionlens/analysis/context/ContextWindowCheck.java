package io.sessionlens.analysis.context;

import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.ContextWindow;
import io.sessionlens.analysis.text.Excerpt;
import io.sessionlens.analysis.text.Terms;
import io.sessionlens.analysis.text.TurnList;
import io.sessionlens.trace.chat.ChatMessage;
import io.sessionlens.trace.chat.ChatRole;
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

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Texts shorter than this ("yes", "ok") match too much when searched inside other text, so they must be equal. */
    private static final int MIN_SEARCHABLE = 12;

    private ContextWindowCheck() {}

    /** What the user and the assistant said in one turn, as the transcript read it. */
    public record Exchange(String userText, String assistantText) {}

    /** An earlier turn's texts, normalised once for the whole session. */
    private record Known(Exchange said, String user, String assistant, Terms.Profile answerWords) {
        static Known of(Exchange e) {
            return new Known(e, normalise(e.userText()), normalise(e.assistantText()),
                    Terms.profile(e.assistantText()));
        }
    }

    /** A message with its text normalised once, since every earlier turn is searched for in every message. */
    private record Searchable(ChatRole role, String text) {
        static List<Searchable> of(List<ChatMessage> messages) {
            return messages.stream().map(m -> new Searchable(m.role(), normalise(m.content()))).toList();
        }
    }

    /** The messages of one input, with exact copies counted up front: most history is passed verbatim. */
    private record Input(List<Searchable> messages, Map<String, Integer> copies) {
        static Input of(List<ChatMessage> messages) {
            List<Searchable> normalised = Searchable.of(messages);
            Map<String, Integer> copies = new HashMap<>();
            for (Searchable m : normalised) copies.merge(m.role() + "\u0000" + m.text(), 1, Integer::sum);
            return new Input(normalised, copies);
        }

        int copies(ChatRole role, String text) {
            return copies.getOrDefault(role + "\u0000" + text, 0);
        }
    }

    public record Result(List<ContextWindow> windows, List<ContextFinding> findings) {}

    /** What one call was given, measured against the turns before it. */
    private record Observation(String spanId, int messages, List<Integer> seen, List<Integer> dropped,
            @Nullable String summary, @Nullable String duplicate, @Nullable String systemPrompt) {}

    /**
     * @param turns the session's turns in order
     * @param calls each turn's LLM calls in start order (same length as {@code turns})
     */
    public static Result check(List<Exchange> turns, List<List<LlmCall>> calls) {
        List<ContextWindow> windows = new ArrayList<>();
        List<ContextFinding> findings = new ArrayList<>();
        List<Known> known = turns.stream().map(Known::of).toList();
        Observation previousMain = null;
        boolean noHistoryReported = false;
        for (int t = 1; t <= turns.size(); t++) {
            List<Known> earlier = known.subList(0, t - 1);
            List<Observation> obs = calls.get(t - 1).stream().map(c -> observe(c, earlier)).toList();
            if (obs.isEmpty()) {
                windows.add(ContextWindow.unknown(t - 1));
                previousMain = null;
                continue;
            }
            Observation main = obs.getLast();
            boolean promptChanged = previousMain != null
                    && !instructions(previousMain.systemPrompt()).equals(instructions(main.systemPrompt()));
            windows.add(new ContextWindow(main.spanId(), main.messages(), main.seen().size(), t - 1, main.dropped(),
                    obs.stream().anyMatch(o -> o.summary() != null), obs.stream().anyMatch(o -> o.duplicate() != null),
                    promptChanged));

            final int turn = t;
            obs.stream().filter(o -> !o.seen().isEmpty() && !o.dropped().isEmpty()).reduce((a, b) -> b).ifPresent(o -> {
                boolean window = o.dropped().getLast() < o.seen().getFirst();
                findings.add(new ContextFinding(turn,
                        window ? ContextFinding.SLIDING_WINDOW : ContextFinding.HISTORY_GAP, "turn " + turn
                                + ": the model saw " + TurnList.describe(o.seen()) + " but not "
                                + TurnList.describe(o.dropped())
                                + (window ? " (a sliding window of " + o.messages() + " messages)" : "")));
            });
            if (main.seen().isEmpty() && !main.dropped().isEmpty()) {
                if (previousMain != null && !previousMain.seen().isEmpty()) {
                    findings.add(new ContextFinding(t, ContextFinding.NO_HISTORY,
                            "turn " + t + ": the model got none of the "
                                    + main.dropped().size() + " earlier turns, although turn " + (t - 1)
                                    + "'s call still carried history"));
                } else if (!noHistoryReported) {
                    findings.add(new ContextFinding(t, ContextFinding.NO_HISTORY, "from turn " + t
                            + " on, the model's input carries none of the earlier turns: the app passes no conversation history"));
                    noHistoryReported = true;
                }
            }
            obs.stream().map(Observation::summary).filter(s -> s != null).findFirst().ifPresent(s -> findings
                    .add(new ContextFinding(turn, ContextFinding.SUMMARY_INSERTED, "turn " + turn + ": " + s)));
            obs.stream().map(Observation::duplicate).filter(s -> s != null).findFirst().ifPresent(s -> findings
                    .add(new ContextFinding(turn, ContextFinding.DUPLICATED_HISTORY, "turn " + turn + ": " + s)));
            if (promptChanged) {
                findings.add(new ContextFinding(t, ContextFinding.SYSTEM_PROMPT_CHANGED,
                        "turn " + t + ": the system prompt changed since turn "
                                + (t - 1) + ": " + quoteOrNone(previousMain.systemPrompt()) + " → "
                                + quoteOrNone(main.systemPrompt())));
            }
            previousMain = main;
        }
        return new Result(windows, findings);
    }

    private static Observation observe(LlmCall call, List<Known> earlier) {
        List<ChatMessage> all = call.input().messages();
        List<ChatMessage> history = call.input().history();
        Input input = Input.of(history);
        // a completion-style prompt is one string that may embed the history: search all of it
        Input searchable = history.isEmpty() && all.size() == 1 ? Input.of(all) : input;
        List<Integer> seen = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        for (int k = 1; k <= earlier.size(); k++) {
            Known e = earlier.get(k - 1);
            if (e.user().isEmpty() && e.assistant().isEmpty()) continue; // nothing to look for
            boolean found = appears(searchable, ChatRole.USER, e.user())
                    || appears(searchable, ChatRole.ASSISTANT, e.assistant());
            (found ? seen : dropped).add(k);
        }
        return new Observation(call.spanId(), all.size(), seen, dropped, summary(history, input.messages(), earlier),
                duplicate(input, earlier), systemPrompt(all));
    }

    private static @Nullable String summary(List<ChatMessage> history, List<Searchable> normalised,
            List<Known> earlier) {
        boolean allAnswersKnown = earlier.stream().noneMatch(e -> e.assistant().isEmpty());
        for (int i = 0; i < history.size(); i++) {
            ChatMessage m = history.get(i);
            if (!m.hasContent() || m.role() == ChatRole.TOOL) continue;
            boolean leadingSystem = m.role() == ChatRole.SYSTEM
                    && history.subList(0, i).stream().allMatch(p -> p.role() == ChatRole.SYSTEM);
            Pattern summary = leadingSystem ? SUMMARY_IN_SYSTEM_PROMPT : SUMMARY;
            if (summary.matcher(m.content().toLowerCase(Locale.ROOT)).find()) {
                return "the model's input holds a summary in place of earlier turns: " + Excerpt.quoted(m.content());
            }
            if (leadingSystem || !m.toolCalls().isEmpty() || m.role() != ChatRole.ASSISTANT || !allAnswersKnown)
                continue;
            String text = normalised.get(i).text();
            if (earlier.stream().anyMatch(e -> matches(text, e.assistant()))) continue;
            // not a copy of any answer: a reworded one still shares most of its words
            Terms.Profile words = Terms.profile(m.content());
            if (earlier.stream().noneMatch(e -> Terms.similarity(words, e.answerWords()) >= 0.5)) {
                return "the model's input holds an assistant message that no earlier turn said: "
                        + Excerpt.quoted(m.content());
            }
        }
        return null;
    }

    /**
     * An earlier message appearing more often in the input than it was said in the conversation. Only verbatim
     * copies count: a duplicated history is the same list appended twice, not a paraphrase.
     */
    private static @Nullable String duplicate(Input input, List<Known> earlier) {
        Map<String, Integer> said = new HashMap<>();
        for (Known e : earlier) {
            said.merge(ChatRole.USER + "\u0000" + e.user(), 1, Integer::sum);
            said.merge(ChatRole.ASSISTANT + "\u0000" + e.assistant(), 1, Integer::sum);
        }
        for (int k = 1; k <= earlier.size(); k++) {
            Known e = earlier.get(k - 1);
            for (ChatRole role : List.of(ChatRole.USER, ChatRole.ASSISTANT)) {
                String text = role == ChatRole.USER ? e.user() : e.assistant();
                if (text.length() < 3) continue;
                int copies = input.copies(role, text);
                if (copies > said.getOrDefault(role + "\u0000" + text, 1)) {
                    return "turn " + k + "'s " + (role == ChatRole.USER ? "user message" : "answer") + " appears "
                            + copies
                            + " times in the model's input: "
                            + Excerpt.quoted(role == ChatRole.USER ? e.said().userText() : e.said().assistantText());
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

    /** Whether an earlier text (normalised) is in the input: verbatim in a message of its role, else anywhere inside. */
    private static boolean appears(Input input, ChatRole role, String text) {
        if (text.isEmpty()) return false;
        if (input.copies(role, text) > 0) return true;
        return input.messages().stream().anyMatch(m -> m.role() != ChatRole.SYSTEM
                ? matches(m.text(), text)
                : text.length() >= MIN_SEARCHABLE && m.text().contains(text));
    }

    /** The message is this text, contains it, or is a cut-down copy of it (apps trim old messages). Both normalised. */
    private static boolean matches(String message, String text) {
        if (message.isEmpty() || text.isEmpty()) return false;
        if (text.length() < MIN_SEARCHABLE || message.length() < MIN_SEARCHABLE) return message.equals(text);
        return message.contains(text) || (message.length() >= 40 && text.contains(message));
    }

    /**
     * What in a system prompt can change behaviour: its words. Tokens holding a digit (today's date, the time, a request
     * or session id) change on every turn in many apps and are left out, so only a change of instructions is reported.
     */
    private static String instructions(@Nullable String s) {
        return VOLATILE_TOKEN.matcher(normalise(s)).replaceAll("#");
    }

    private static final Pattern VOLATILE_TOKEN = Pattern.compile("[^\\s]*\\d[^\\s]*");

    private static String normalise(@Nullable String s) {
        return s == null ? "" : WHITESPACE.matcher(s).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
    }

    private static String quoteOrNone(@Nullable String s) {
        return s == null ? "(none)" : Excerpt.quoted(s);
    }
}
