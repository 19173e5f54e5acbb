package io.sessionlens.analysis.signal;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.ErrorSpan;
import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.analysis.Signal;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.analysis.assessment.AssessmentWording;
import io.sessionlens.analysis.evidence.ErrorSpans;
import io.sessionlens.analysis.text.Excerpt;
import io.sessionlens.analysis.text.Terms;
import io.sessionlens.trace.model.Span;
import io.sessionlens.trace.model.Trace;
import io.sessionlens.trace.model.TraceState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The per-turn evidence of a whole session. Some of it needs the neighbours: a correction shows in the next
 * user message, a repeat in any later one, a slow turn only against the session's median.
 */
public final class SessionSignals {

    /** Two user messages this alike ask the same thing (Jaccard overlap of their words). */
    static final double REPEAT_SIMILARITY = 0.6;

    private SessionSignals() {}

    /**
     * @param traces the turns' traces, in the same order as {@code turns}
     * @param turns the turns without signals yet
     * @return the signals of each turn, in order
     */
    public static List<List<Signal>> collect(List<Trace> traces, List<TurnAnalysis> turns,
            List<ContextFinding> findings) {
        List<List<Signal>> out = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) out.add(new ArrayList<>());
        List<Long> durations = new ArrayList<>();
        for (Trace t : traces) durations.add(durationMs(t));
        List<Optional<String>> slow = LatencyOutliers.of(durations);
        List<Set<String>> sourced = sourcedNumbers(turns);
        for (int i = 0; i < turns.size(); i++) {
            TurnAnalysis turn = turns.get(i);
            Trace trace = traces.get(i);
            List<Signal> s = out.get(i);
            if (trace.info().state() == TraceState.ERROR)
                s.add(new Signal(SignalKind.ERROR_STATE, "the trace ended in state ERROR"));
            for (Span origin : ErrorSpans.origins(trace)) {
                if (!origin.spanType().equals("TOOL"))
                    s.add(new Signal(SignalKind.ERROR_SPAN, errorSentence(ErrorSpans.describe(origin))));
            }
            for (Span warned : ErrorSpans.handled(trace)) {
                s.add(new Signal(SignalKind.HANDLED_WARNING, errorSentence(ErrorSpans.describe(warned))
                        .replace(" failed: ", " recorded an exception and still succeeded: ")));
            }
            for (AssessmentView a : turn.assessments()) {
                if (a.failing())
                    s.add(new Signal(SignalKind.FAILING_ASSESSMENT,
                            AssessmentWording.describe(a) + " (" + a.source() + ")"));
            }
            List<ToolCall> calls = turn.toolCalls();
            for (int k = 0; k < calls.size(); k++) {
                ToolCall c = calls.get(k);
                if (c.error() == null) continue;
                if (ToolRetries.retriedLater(calls, k)) {
                    s.add(new Signal(SignalKind.TOOL_RETRIED,
                            "tool '" + c.name() + "' failed (" + Excerpt.of(c.error(), 120)
                                    + ") and succeeded when called again in the same turn"));
                } else {
                    s.add(new Signal(SignalKind.TOOL_ERROR,
                            "tool '" + c.name() + "' failed: " + Excerpt.of(c.error(), 200)));
                }
            }
            for (RetrievedDocument d : turn.retrievedDocuments()) {
                if (d.outdated()) {
                    s.add(new Signal(SignalKind.OUTDATED_DOCUMENT, "retrieved '" + d.displayName()
                            + "', whose metadata marks it outdated: " + d.outdatedReason()));
                }
            }
            unsupportedNumbers(turn, sourced.get(i)).ifPresent(s::add);
            if (i + 1 < turns.size()) {
                String next = turns.get(i + 1).userText();
                int nextTurn = i + 2;
                UserPushback.phrase(next).ifPresent(p -> s.add(new Signal(SignalKind.USER_CORRECTION,
                        "turn " + nextTurn + "'s user pushes back on this answer: " + Excerpt.quoted(next) + " (\"" + p
                                + "\")")));
            }
            slow.get(i).ifPresent(d -> s.add(new Signal(SignalKind.LATENCY_OUTLIER, d)));
        }
        repetitions(turns, out);
        for (ContextFinding f : findings) {
            if (f.turn() >= 1 && f.turn() <= out.size())
                out.get(f.turn() - 1).add(new Signal(SignalKind.CONTEXT_WINDOW, f.detail()));
        }
        return out;
    }

    /** A later user message that asks an earlier turn's question again: that earlier answer did not satisfy. */
    private static void repetitions(List<TurnAnalysis> turns, List<List<Signal>> out) {
        List<Terms.Profile> profiles = turns.stream().map(t -> Terms.profile(t.userText())).toList();
        for (int j = 1; j < turns.size(); j++) {
            if (profiles.get(j).tokens().size() < 3) continue; // "yes", "ok thanks" repeat without meaning anything
            int best = -1;
            double bestScore = 0;
            for (int k = 0; k < j; k++) {
                double sim = Terms.similarity(profiles.get(j), profiles.get(k));
                if (sim >= REPEAT_SIMILARITY && sim >= bestScore) {
                    best = k;
                    bestScore = sim;
                }
            }
            if (best >= 0) {
                out.get(best).add(new Signal(SignalKind.USER_REPETITION, String.format(Locale.ROOT,
                        "turn %d's user asks this turn's question again: %s (similarity %.2f)", j + 1,
                        Excerpt.quoted(turns.get(j).userText()), bestScore)));
            }
        }
    }

    /**
     * Numbers each turn could have taken from a source: what the user said and the documents retrieved so far,
     * and earlier answers (a number an earlier answer introduced is that turn's claim, not this one's).
     */
    private static List<Set<String>> sourcedNumbers(List<TurnAnalysis> turns) {
        List<Set<String>> out = new ArrayList<>();
        Set<String> sofar = new HashSet<>();
        for (int i = 0; i < turns.size(); i++) {
            TurnAnalysis t = turns.get(i);
            if (i > 0) sofar.addAll(Terms.numbers(turns.get(i - 1).assistantText()).keySet());
            sofar.addAll(Terms.numbers(t.userText()).keySet());
            t.retrievedDocuments().forEach(d -> sofar.addAll(Terms.numbers(d.snippet()).keySet()));
            Set<String> mine = new HashSet<>(sofar);
            t.toolCalls().forEach(c -> {
                if (c.result() != null) mine.addAll(Terms.numbers(c.result()).keySet());
                if (c.arguments() != null) mine.addAll(Terms.numbers(c.arguments()).keySet());
            });
            out.add(mine);
        }
        return out;
    }

    private static Optional<Signal> unsupportedNumbers(TurnAnalysis turn, Set<String> sourced) {
        if (turn.retrievedDocuments().isEmpty() || turn.assistantText().isBlank()) return Optional.empty();
        List<String> unsupported = UnsupportedNumbers.in(turn.assistantText(), sourced);
        if (unsupported.isEmpty()) return Optional.empty();
        int docs = turn.retrievedDocuments().size();
        return Optional.of(new Signal(SignalKind.UNSUPPORTED_CLAIM,
                "the answer states " + String.join(", ", unsupported)
                        + ", found in none of "
                        + (docs == 1 ? "the retrieved document" : "the " + docs + " retrieved documents")
                        + ", the tool results or the user's messages"));
    }

    static String errorSentence(ErrorSpan e) {
        String what = e.exceptionType() != null && e.message() != null && !e.message().startsWith(e.exceptionType())
                ? e.exceptionType() + ": " + e.message()
                : e.message() != null
                        ? e.message()
                        : e.exceptionType() != null ? e.exceptionType() : "no message recorded";
        return "span '" + e.name() + "' failed: " + Excerpt.of(what, 200);
    }

    /** The turn's duration: MLflow's execution duration, else the root span's. Null when unknown. */
    public static @Nullable Long durationMs(Trace t) {
        if (t.info().executionDurationMs() != null) return t.info().executionDurationMs();
        return t.tree().root().filter(r -> r.endTimeUnixNano() != null).map(r -> r.durationNanos() / 1_000_000)
                .orElse(null);
    }
}
