package io.sessionlens.analysis.rootcause;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.ContextFinding;
import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.Signal;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.analysis.assessment.AssessmentWording;
import io.sessionlens.analysis.signal.SignalKind;
import io.sessionlens.analysis.text.DistinctiveContent;
import io.sessionlens.analysis.text.Excerpt;
import io.sessionlens.analysis.text.Terms;
import io.sessionlens.analysis.text.TurnList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds where a failed session started to go wrong. A session failed when a judge failed it (session-level or on a
 * turn), a turn errored, or the user corrected an answer. From the first visible failure we look back for the
 * earliest evidence that explains it: stale retrieved documents, tool errors, tool results the user later
 * corrected, failed spans, made-up facts, lost context. Evidence explains the failure when it is in the failing
 * turn itself, or when the answers from it up to the failing turn repeat its content (the "chain"). Without such
 * evidence the failure is its own root cause.
 */
public final class RootCauseFinder {

    private static final Pattern TURN_MENTION = Pattern.compile("\\bturn\\s+(\\d{1,6})\\b", Pattern.CASE_INSENSITIVE);
    /** Judges whose failure means the model lost track of the conversation. */
    private static final Pattern MEMORY_JUDGE = Pattern.compile("retention|memory|remember|coheren|consisten");
    /** A correction that points back at something the user said earlier. */
    private static final Pattern POINTS_BACK = Pattern.compile("\\bi (said|told you|already|mentioned)|\\bearlier\\b|\\bbefore\\b|\\bforg[eo]t");

    private RootCauseFinder() {}

    public static @Nullable RootCause find(List<TurnAnalysis> turns, List<AssessmentView> sessionAssessments,
            List<ContextFinding> contextFindings) {
        List<Failure> failures = failures(turns, sessionAssessments);
        if (failures.isEmpty()) return null;
        Optional<Failure> first = failures.stream().filter(f -> !f.sessionLevel())
                .min(Comparator.comparingInt(Failure::turn).thenComparing(Failure::type));
        Integer flagged = first.map(Failure::turn).orElse(null);
        int horizon = flagged != null ? flagged : turns.size();
        Failure shown = first.orElse(failures.getFirst());

        List<Cause> causes = causes(turns, contextFindings, failures, horizon);
        causes.sort(Comparator.comparingInt(Cause::turn).thenComparingInt(Cause::rank));
        for (Cause c : causes) {
            List<Chained> chain = chain(turns, c.turn(), c.carrier());
            if (explains(c, chain, flagged, shown) && c.kind().equals(RootCause.CONTEXT_WINDOW) && !shown.sessionLevel()) {
                // Dropping old turns is normal operation; it went wrong at the first answer that needed what was dropped.
                int at = shown.turn();
                String what = "the model answered without context it needed (from turn " + c.turn() + " on: " + c.description() + ")";
                return new RootCause(at, c.kind(), evidence(at, what, List.of(), shown, failures, flagged), List.of(), flagged);
            }
            if (explains(c, chain, flagged, shown)) {
                return new RootCause(c.turn(), c.kind(), evidence(c.turn(), c.description(), chain, shown, failures, flagged),
                        chain.stream().map(Chained::turn).toList(), flagged);
            }
        }
        return failureAsCause(turns, shown, failures, flagged);
    }

    /** A later turn whose answer repeats the cause's facts, and which facts. */
    private record Chained(int turn, List<String> reused) {}

    // ---- failures ------------------------------------------------------------------------------------------

    private static List<Failure> failures(List<TurnAnalysis> turns, List<AssessmentView> sessionAssessments) {
        List<Failure> out = new ArrayList<>();
        for (TurnAnalysis t : turns) {
            int n = t.index();
            for (AssessmentView a : t.assessments()) {
                if (a.failing()) {
                    String judged = AssessmentWording.describe(a);
                    out.add(new Failure(n, Failure.Type.JUDGE, "the judge flagged turn " + n + " (" + judged + ")",
                            "the judge flagged it (" + judged + ")", a, null));
                }
            }
            Optional<Signal> error = signal(t, SignalKind.ERROR_STATE)
                    .or(() -> t.assistantText().isBlank() ? signal(t, SignalKind.ERROR_SPAN).or(() -> signal(t, SignalKind.TOOL_ERROR)) : Optional.empty());
            // the failed span itself is the cause's evidence, so the failure only says how the turn ended
            error.ifPresent(s -> {
                boolean state = s.kind().equals(SignalKind.ERROR_STATE);
                String how = state ? " ended in state ERROR" : " produced no answer (" + s.detail() + ")";
                out.add(new Failure(n, Failure.Type.ERROR, "turn " + n + how, "the trace" + (state ? how : " " + how.trim()), null, null));
            });
            if (signal(t, SignalKind.USER_CORRECTION).isPresent() && n < turns.size()) {
                String reply = turns.get(n).userText();
                out.add(new Failure(n, Failure.Type.CORRECTION,
                        "the user corrected turn " + n + " in turn " + (n + 1) + ": " + Excerpt.quoted(reply),
                        "the user corrected its answer in turn " + (n + 1) + ": " + Excerpt.quoted(reply), null, reply));
            }
        }
        for (AssessmentView a : sessionAssessments) {
            if (a.failing()) {
                String judged = "the session judge says " + AssessmentWording.describe(a);
                out.add(new Failure(0, Failure.Type.SESSION_JUDGE, judged, judged, a, null));
            }
        }
        return out;
    }

    // ---- candidate causes ----------------------------------------------------------------------------------

    private static List<Cause> causes(List<TurnAnalysis> turns, List<ContextFinding> findings, List<Failure> failures, int horizon) {
        List<Cause> out = new ArrayList<>();
        for (TurnAnalysis t : turns.subList(0, Math.min(horizon, turns.size()))) {
            int n = t.index();
            for (RetrievedDocument d : t.retrievedDocuments()) {
                if (d.outdated()) {
                    out.add(new Cause(n, RootCause.OUTDATED_RETRIEVAL, 0, "retriever returned doc '" + d.displayName()
                            + "', marked outdated (" + d.outdatedReason() + ")", d.snippet()));
                }
            }
            for (ToolCall c : t.toolCalls()) {
                if (c.error() != null) {
                    out.add(new Cause(n, RootCause.TOOL_ERROR, 1, "tool '" + c.name() + "' failed (" + Excerpt.of(c.error(), 120) + ")",
                            c.error() + "\n" + t.assistantText()));
                } else if (c.result() != null && correctedAtOrAfter(failures, n)) {
                    List<String> repeated = distinctive(c.result(), turns, n).reusedBy(t.assistantText());
                    if (!repeated.isEmpty()) {
                        out.add(new Cause(n, RootCause.TOOL_ERROR, 2, "tool '" + c.name() + "' returned " + Excerpt.quoted(c.result())
                                + ", which the answer repeated (" + quoteTerms(repeated) + ")", c.result()));
                    }
                }
            }
            for (Signal s : t.signals()) {
                if (s.kind().equals(SignalKind.ERROR_SPAN)) out.add(new Cause(n, RootCause.ERROR_SPAN, 3, s.detail(), t.assistantText()));
            }
            for (AssessmentView a : t.assessments()) {
                if (a.failing() && a.name().toLowerCase(Locale.ROOT).contains("groundedness")) {
                    out.add(new Cause(n, RootCause.HALLUCINATION, 4, "the answer is not grounded in the retrieved documents ("
                            + AssessmentWording.describe(a) + ")", t.assistantText()));
                }
            }
            signal(t, SignalKind.UNSUPPORTED_CLAIM).ifPresent(s -> out.add(new Cause(n, RootCause.HALLUCINATION, 4, s.detail(),
                    String.join(" ", Terms.numbers(t.assistantText()).values()))));
        }
        for (ContextFinding f : findings) {
            if (f.turn() <= horizon && !f.kind().equals(ContextFinding.SYSTEM_PROMPT_CHANGED) && !f.kind().equals(ContextFinding.DUPLICATED_HISTORY)) {
                out.add(new Cause(f.turn(), RootCause.CONTEXT_WINDOW, 5, f.detail().replaceFirst("^turn \\d+: ", ""), ""));
            }
        }
        return out;
    }

    private static boolean correctedAtOrAfter(List<Failure> failures, int turn) {
        return failures.stream().anyMatch(f -> f.type() == Failure.Type.CORRECTION && f.turn() >= turn);
    }

    /**
     * The facts of a source that the user had not typed by then: those are what an answer can only have taken
     * from the source. (Words the user typed later, such as a correction quoting the wrong figure, do count.)
     */
    private static DistinctiveContent distinctive(String source, List<TurnAnalysis> turns, int upToTurn) {
        Set<String> userWords = new HashSet<>();
        Set<String> userNumbers = new HashSet<>();
        for (TurnAnalysis t : turns.subList(0, Math.min(upToTurn, turns.size()))) {
            userWords.addAll(Terms.contentWords(t.userText()));
            userNumbers.addAll(Terms.numbers(t.userText()).keySet());
        }
        return DistinctiveContent.of(source, userWords, userNumbers);
    }

    private static List<Chained> chain(List<TurnAnalysis> turns, int causeTurn, String carrier) {
        List<Chained> out = new ArrayList<>();
        if (carrier.isBlank()) return out;
        DistinctiveContent facts = distinctive(carrier, turns, causeTurn);
        if (facts.isEmpty()) return out;
        for (TurnAnalysis t : turns.subList(causeTurn, turns.size())) {
            List<String> reused = facts.reusedBy(t.assistantText());
            if (!reused.isEmpty()) out.add(new Chained(t.index(), reused));
        }
        return out;
    }

    /** Rank of the weakest cause that explains a session judge's failure without echoing it (see {@link #explains}). */
    private static final int STRONG_CAUSE_RANK = 3;

    private static boolean explains(Cause c, List<Chained> chain, @Nullable Integer flagged, Failure shown) {
        if (c.kind().equals(RootCause.CONTEXT_WINDOW)) return contextExplains(c, shown);
        if (flagged != null) return c.turn() == flagged || chain.stream().anyMatch(x -> x.turn() == flagged);
        // Only a session judge failed, and it names no turn. Stale documents, failed tools and failed spans explain
        // it on their own; a made-up number (the weakest evidence) only when the judge's rationale echoes it.
        return c.rank() <= STRONG_CAUSE_RANK || echoes(shown, c);
    }

    private static boolean echoes(Failure shown, Cause c) {
        String rationale = shown.judge() == null ? null : shown.judge().rationale();
        if (rationale == null) return false;
        Matcher m = TURN_MENTION.matcher(rationale);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == c.turn()) return true;
        }
        return !DistinctiveContent.of(c.carrier(), Set.of(), Set.of()).reusedBy(rationale).isEmpty();
    }

    /**
     * Lost context explains a failure only when the failure is about memory: a memory judge failed, or the user's
     * correction (or a session judge's rationale) points back at what the user said before.
     */
    private static boolean contextExplains(Cause c, Failure shown) {
        if (!shown.sessionLevel() && c.turn() > shown.turn()) return false;
        if (shown.judge() != null && MEMORY_JUDGE.matcher(shown.judge().name().toLowerCase(Locale.ROOT)).find()) return true;
        if (shown.userReply() != null && POINTS_BACK.matcher(shown.userReply().toLowerCase(Locale.ROOT)).find()) return true;
        return shown.sessionLevel() && shown.judge() != null && shown.judge().rationale() != null
                && POINTS_BACK.matcher(shown.judge().rationale().toLowerCase(Locale.ROOT)).find();
    }

    // ---- the sentence --------------------------------------------------------------------------------------

    private static String evidence(int turn, String what, List<Chained> chain, Failure shown, List<Failure> failures,
            @Nullable Integer flagged) {
        StringBuilder s = new StringBuilder("turn ").append(turn).append(": ").append(what);
        List<Chained> before = chain.stream().filter(c -> flagged == null || c.turn() <= flagged).toList();
        if (!before.isEmpty()) {
            Set<String> terms = new LinkedHashSet<>();
            before.forEach(c -> terms.addAll(c.reused()));
            List<Integer> turnsInChain = before.stream().map(Chained::turn).toList();
            s.append("; ").append(TurnList.describe(turnsInChain)).append(turnsInChain.size() == 1 ? " repeats" : " repeat")
                    .append(" its ").append(quoteTerms(new ArrayList<>(terms)));
        }
        boolean alreadySaid = shown.judge() != null && shown.turn() == turn && what.contains(AssessmentWording.describe(shown.judge()));
        if (!alreadySaid) s.append("; ").append(shown.turn() == turn ? shown.ownDescription() : shown.description());
        failures.stream().filter(f -> f.sessionLevel() && f != shown).findFirst().ifPresent(f -> s.append("; ").append(f.description()));
        return s.toString();
    }

    private static String quoteTerms(List<String> terms) {
        return String.join(", ", terms.stream().limit(3).map(t -> "\"" + t + "\"").toList());
    }

    /** No earlier evidence explains the failure, so the failure itself is where it started. */
    private static RootCause failureAsCause(List<TurnAnalysis> turns, Failure shown, List<Failure> failures, @Nullable Integer flagged) {
        Optional<Integer> named = shown.sessionLevel() ? mentionedTurn(shown, turns.size()) : Optional.of(shown.turn());
        int turn = named.orElse(Math.max(turns.size(), 1));
        String kind = switch (shown.type()) {
            case JUDGE, SESSION_JUDGE -> RootCause.FAILING_ASSESSMENT;
            case ERROR -> RootCause.ERROR_SPAN;
            case CORRECTION -> RootCause.USER_CORRECTION;
        };
        String answer = turn <= turns.size() ? turns.get(turn - 1).assistantText() : "";
        List<Chained> chain = shown.sessionLevel() ? List.of() : chain(turns, turn, answer);
        StringBuilder s = new StringBuilder("turn ").append(turn).append(": ").append(shown.ownDescription());
        if (!chain.isEmpty()) {
            List<Integer> later = chain.stream().map(Chained::turn).toList();
            s.append("; ").append(TurnList.describe(later)).append(later.size() == 1 ? " builds" : " build").append(" on its answer");
        }
        failures.stream().filter(f -> f.sessionLevel() && f != shown).findFirst().ifPresent(f -> s.append("; ").append(f.description()));
        if (named.isEmpty()) s.append(" (no turn-level evidence, so the last turn is shown)");
        return new RootCause(turn, kind, s.toString(), chain.stream().map(Chained::turn).toList(), flagged);
    }

    /** A session judge's rationale sometimes names the turn ("in turn 3 the assistant…"). */
    private static Optional<Integer> mentionedTurn(Failure f, int turns) {
        String rationale = f.judge() == null ? null : f.judge().rationale();
        if (rationale == null) return Optional.empty();
        Matcher m = TURN_MENTION.matcher(rationale);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= turns) return Optional.of(n);
        }
        return Optional.empty();
    }

    private static Optional<Signal> signal(TurnAnalysis t, String kind) {
        return t.signals().stream().filter(s -> s.kind().equals(kind)).findFirst();
    }
}
