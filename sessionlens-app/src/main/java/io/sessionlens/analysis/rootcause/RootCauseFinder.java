package io.sessionlens.analysis.rootcause;

import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.analysis.Signal;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnAnalysis;
import io.sessionlens.analysis.Verdict;
import io.sessionlens.analysis.assessment.AssessmentWording;
import io.sessionlens.analysis.provenance.ClaimProvenance;
import io.sessionlens.analysis.provenance.Fact;
import io.sessionlens.analysis.provenance.Facts;
import io.sessionlens.analysis.provenance.TracedFact;
import io.sessionlens.analysis.rootcause.Evidence.Strength;
import io.sessionlens.analysis.signal.SignalKind;
import io.sessionlens.analysis.signal.ToolRetries;
import io.sessionlens.analysis.text.Excerpt;
import io.sessionlens.analysis.text.Terms;
import io.sessionlens.analysis.text.TurnList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds where a failed session started to go wrong, by the evidence model of decision 011:
 * <ol>
 *   <li>every signal has a strength and a direction; only negative evidence can make a root cause, and weak signals
 *       (a re-ask, a slow turn, a prompt change, a fact found nowhere but judged fine) never do so alone;</li>
 *   <li>a session is failed when a valid judge failed, an error went unrecovered, a fact the user gave was lost, or a
 *       turn carries strong evidence of its own (a tool failure the answer covered with made-up facts, an outdated
 *       page the answer used); otherwise it has no root cause and the finder says why;</li>
 *   <li>from the first failure it walks back: the earliest turn with negative evidence of its own that is linked to
 *       the failure (its facts reappear on the way, or the failing judge's rationale names what it said) is the root
 *       cause; without one, the failure itself is.</li>
 * </ol>
 */
public final class RootCauseFinder {

    /** A session judge's rationale sometimes names the turn ("in turn 3 the assistant…"). */
    private static final Pattern TURN_MENTION = Pattern.compile("\\bturn\\s+(\\d{1,6})\\b", Pattern.CASE_INSENSITIVE);
    /** Two user messages this alike ask the same thing again: a re-ask, not a repair. */
    private static final double REASK_SIMILARITY = 0.6;
    /** Words shared with this share of the answers are the session's topic, not evidence of a link. */
    private static final double COMMON_WORD_SHARE = 0.34;

    private RootCauseFinder() {}

    /** The verdict: a root cause, or none and why not. */
    public record Result(@Nullable RootCause rootCause, @Nullable String note) {}

    public static Result find(List<TurnAnalysis> turns, List<AssessmentView> sessionAssessments) {
        if (turns.isEmpty()) return new Result(null, "the session has no turns");
        return new Session(turns, sessionAssessments).verdict();
    }

    /** One session under analysis, with what every check needs computed once. */
    private static final class Session {
        final List<TurnAnalysis> turns;
        final List<AssessmentView> sessionAssessments;
        final ClaimProvenance provenance;
        final Set<String> commonWords;
        final List<List<Evidence>> evidence = new ArrayList<>();
        final TreeSet<Integer> failures = new TreeSet<>();
        final Map<Integer, List<String>> failureRationales = new HashMap<>();
        final Set<Integer> unrecovered = new HashSet<>();
        final Benign benign = new Benign();

        Session(List<TurnAnalysis> turns, List<AssessmentView> sessionAssessments) {
            this.turns = turns;
            this.sessionAssessments = sessionAssessments;
            this.provenance = ClaimProvenance.of(turns);
            this.commonWords = commonWords(turns);
            for (int i = 0; i < turns.size(); i++) evidence.add(new ArrayList<>());
        }

        Result verdict() {
            for (TurnAnalysis t : turns) read(t);
            contextLoss();
            List<AssessmentView> failedSessionJudges = sessionAssessments.stream().filter(AssessmentView::failing)
                    .toList();
            Optional<Integer> firstStrong = all().stream().filter(e -> e.strength() == Strength.STRONG)
                    .map(Evidence::turn).min(Integer::compare);
            if (failures.isEmpty() && firstStrong.isEmpty() && failedSessionJudges.isEmpty())
                return new Result(null, benign.note(turns));

            // where a judge flagged the failure: the first turn whose answer an automated judge failed (decision 011)
            Integer flagged = turns.stream()
                    .filter(t -> t.assessments().stream().anyMatch(RootCauseFinder::flagsTheAnswer))
                    .map(TurnAnalysis::index).findFirst().orElse(null);
            int anchor;
            List<String> rationales = new ArrayList<>();
            if (!failures.isEmpty()) {
                anchor = failures.first();
                rationales.addAll(failureRationales.getOrDefault(anchor, List.of()));
            } else if (firstStrong.isPresent()) {
                anchor = firstStrong.get();
            } else {
                anchor = mentionedTurn(failedSessionJudges).orElse(turns.size());
            }
            failedSessionJudges.forEach(a -> {
                if (a.rationale() != null) rationales.add(a.rationale());
            });
            return new Result(choose(anchor, rationales, flagged, failedSessionJudges), null);
        }

        // ---- reading each turn's own evidence -----------------------------------------------------------------

        void read(TurnAnalysis t) {
            int n = t.index();
            List<Evidence> out = evidence.get(n - 1);
            List<TracedFact> invented = provenance.inventedIn(n);
            List<Fact> inventedFacts = invented.stream().map(TracedFact::fact).toList();

            List<TracedFact> stale = provenance.fromOutdatedDocumentsIn(n);
            if (!stale.isEmpty()) {
                // the page may have been retrieved in an earlier turn and used first here
                RetrievedDocument doc = turns.subList(0, n).reversed().stream()
                        .flatMap(x -> x.retrievedDocuments().stream())
                        .filter(RetrievedDocument::outdated)
                        .filter(d -> ("document '" + d.displayName() + "'").equals(stale.getFirst().where()))
                        .findFirst()
                        .orElse(null);
                out.add(new Evidence(
                        n, RootCauseKind.OUTDATED_RETRIEVAL, Strength.STRONG, "the answer took " + quote(stale)
                                + " from "
                                + (doc == null
                                        ? stale.getFirst().where() + ", which its metadata marks outdated"
                                        : "'" + doc.displayName() + "', which its metadata marks outdated ("
                                                + doc.outdatedReason() + ")"),
                        stale.stream().map(TracedFact::fact).toList()));
            } else if (t.retrievedDocuments().stream().anyMatch(RetrievedDocument::outdated)) {
                benign.unusedOutdated++;
            }

            boolean noAnswer = t.assistantText().isBlank();
            boolean errorState = has(t, SignalKind.ERROR_STATE);
            List<ToolCall> calls = t.toolCalls();
            for (int k = 0; k < calls.size(); k++) {
                ToolCall c = calls.get(k);
                if (c.error() == null) continue;
                if (ToolRetries.retriedLater(calls, k)) {
                    benign.retriedTools++;
                    continue;
                }
                String failed = "tool '" + c.name() + "' failed (" + Excerpt.of(c.error(), 100) + ")";
                if (!inventedFacts.isEmpty()) {
                    out.add(new Evidence(n, RootCauseKind.TOOL_ERROR, Strength.STRONG,
                            failed + " and the answer still stated "
                                    + quote(invented) + ", found in no tool result, document or user message",
                            inventedFacts));
                } else if (noAnswer || errorState) {
                    out.add(new Evidence(n, RootCauseKind.TOOL_ERROR, Strength.MEDIUM,
                            failed + " and the turn gave no answer", List.of()));
                    failures.add(n);
                    unrecovered.add(n);
                } else if (has(t, SignalKind.USER_CORRECTION)) {
                    // an answer after a failed tool, which the next user message pushes back on: the weak signal
                    // corroborates the medium one, and together they are a failure
                    out.add(new Evidence(n, RootCauseKind.TOOL_ERROR, Strength.MEDIUM,
                            failed + " and the answer went on without it; "
                                    + signal(t, SignalKind.USER_CORRECTION).orElseThrow().detail(),
                            List.of()));
                    failures.add(n);
                    unrecovered.add(n);
                } else {
                    benign.unusedToolErrors++;
                }
            }
            if ((noAnswer || errorState) && out.stream().noneMatch(e -> e.kind() == RootCauseKind.TOOL_ERROR)) {
                Optional<Signal> span = signal(t, SignalKind.ERROR_SPAN);
                if (span.isPresent() || errorState) {
                    String what = span.map(Signal::detail).orElse("the trace ended in state ERROR");
                    out.add(new Evidence(n, RootCauseKind.OTHER, Strength.MEDIUM,
                            what + (noAnswer ? ", and the turn gave no answer" : ""),
                            List.of(), "an error the turn did not recover from", List.of()));
                    failures.add(n);
                    unrecovered.add(n);
                }
            } else if (!noAnswer && !errorState && has(t, SignalKind.ERROR_SPAN)) {
                benign.handledWarnings++; // a failed step the turn recovered from (a cache miss, a fallback)
            }
            benign.handledWarnings += (int) t.signals().stream()
                    .filter(s -> s.kind().equals(SignalKind.HANDLED_WARNING)).count();

            judges(t, invented, out);
            if (!invented.isEmpty() && out.stream()
                    .noneMatch(e -> e.kind() == RootCauseKind.HALLUCINATION || e.kind() == RootCauseKind.TOOL_ERROR)) {
                out.add(new Evidence(n, RootCauseKind.HALLUCINATION, Strength.WEAK,
                        "the answer states " + quote(invented)
                                + ", found in no tool result, document or user message",
                        inventedFacts));
                benign.unsupported++;
            }
            benign.reasks += (int) t.signals().stream().filter(s -> s.kind().equals(SignalKind.USER_REPETITION))
                    .count();
            benign.pushbacks += (int) t.signals().stream().filter(s -> s.kind().equals(SignalKind.USER_CORRECTION))
                    .count();
        }

        /** Judges: a failing one is a failure; an ambiguous one is read with the rest of the turn's evidence. */
        void judges(TurnAnalysis t, List<TracedFact> invented, List<Evidence> out) {
            int n = t.index();
            List<Fact> inventedFacts = invented.stream().map(TracedFact::fact).toList();
            for (AssessmentView a : t.assessments()) {
                String judged = AssessmentWording.describe(a);
                if (a.verdict() == Verdict.FAIL) {
                    failures.add(n);
                    if (a.rationale() != null)
                        failureRationales.computeIfAbsent(n, k -> new ArrayList<>()).add(a.rationale());
                    tracedOrigin(n, a);
                    if (isGroundedness(a)) {
                        out.add(new Evidence(n, RootCauseKind.HALLUCINATION, Strength.STRONG,
                                "the answer is not grounded in what the "
                                        + "assistant was given (" + judged + ")"
                                        + (invented.isEmpty()
                                                ? ""
                                                : "; it states " + quote(invented)
                                                        + ", found nowhere"),
                                inventedFacts));
                    } else if (!invented.isEmpty()) {
                        boolean named = mentionsAny(a.rationale(), inventedFacts);
                        out.add(new Evidence(n, RootCauseKind.HALLUCINATION, named ? Strength.STRONG : Strength.MEDIUM,
                                "the answer states "
                                        + quote(invented) + ", found in no tool result, document or user message, and "
                                        + judged,
                                inventedFacts));
                    } else {
                        out.add(new Evidence(n, RootCauseKind.OTHER, Strength.MEDIUM,
                                "a judge flagged the answer (" + judged + ")",
                                List.of(), "a judge flagged the answer and no earlier turn explains it", List.of()));
                    }
                } else if (a.verdict() == Verdict.UNKNOWN && a.value() != null) {
                    if (!invented.isEmpty()) {
                        // an ambiguous verdict ("partially", a middling score) next to made-up facts: read as a failure
                        boolean named = mentionsAny(a.rationale(), inventedFacts);
                        out.add(new Evidence(n, RootCauseKind.HALLUCINATION, named ? Strength.STRONG : Strength.MEDIUM,
                                "the answer states "
                                        + quote(invented) + ", found in no tool result, document or user message; "
                                        + judged,
                                inventedFacts));
                    } else {
                        benign.ambiguousJudges++;
                    }
                } else if (a.verdict() == Verdict.PASS) {
                    benign.passingJudges++;
                }
            }
        }

        /**
         * Walks back from a flag: a fact the failing judge's rationale names, which an earlier answer said first (not the
         * user), was born there. What it came from decides the kind: nothing (a made-up fact), a tool result or
         * document that returned it with an OK status, or a turn whose model call failed and fell back.
         */
        void tracedOrigin(int flaggedTurn, AssessmentView judge) {
            if (judge.rationale() == null) return;
            // values only (numbers and codes): a name the rationale mentions is usually the subject, not the error
            List<Fact> named = Facts.of(judge.rationale()).stream()
                    .filter(f -> f.distinctive() && f.type() != Fact.Type.NAME).toList();
            for (int k = 1; k < flaggedTurn; k++) {
                final int origin = k;
                List<TracedFact> born = provenance.ofTurn(k).stream().filter(tf -> tf.firstTurn() == origin
                        && (tf.source() == io.sessionlens.analysis.provenance.Source.NONE
                                || tf.source() == io.sessionlens.analysis.provenance.Source.TOOL)
                        && named.stream().anyMatch(f -> namedAs(f, tf.fact()))).toList();
                if (born.isEmpty()) continue;
                TurnAnalysis t = turns.get(k - 1);
                List<Fact> carrier = born.stream().map(TracedFact::fact).toList();
                String flag = "which the judge of turn " + flaggedTurn + " names";
                Optional<Signal> failedSpan = signal(t, SignalKind.ERROR_SPAN);
                TracedFact first = born.getFirst();
                if (failedSpan.isPresent()) {
                    evidence.get(k - 1).add(new Evidence(k, RootCauseKind.OTHER, Strength.MEDIUM,
                            failedSpan.get().detail()
                                    + ", and the answer that followed introduced " + quote(born) + ", " + flag,
                            carrier,
                            "a failed model or pipeline step; what the turn did instead introduced the flagged fact",
                            List.of()));
                } else if (first.unsupported()) {
                    evidence.get(k - 1)
                            .add(new Evidence(k, RootCauseKind.HALLUCINATION, Strength.MEDIUM, "the answer introduced "
                                    + quote(born) + ", found in no tool result, document or user message, " + flag,
                                    carrier));
                } else {
                    evidence.get(k - 1)
                            .add(new Evidence(k, RootCauseKind.OTHER, Strength.MEDIUM, "the answer took " + quote(born)
                                    + " from " + first.where() + ", which returned it without an error, " + flag,
                                    carrier,
                                    "a tool result that succeeded but carried the value the later failure turned on",
                                    List.of()));
                }
                return;
            }
        }

        // ---- context loss ---------------------------------------------------------------------------------------

        /**
         * A user giving again a fact they gave before, right after an answer whose model input no longer held it: the
         * window dropped it. The root cause is the first turn whose input lost it (decision 011, and the dev set's
         * definition); the chain runs to the answer that needed it and the flagged turn.
         */
        void contextLoss() {
            for (int r = 3; r <= turns.size(); r++) {
                int f = r - 1;
                TurnAnalysis failed = turns.get(f - 1);
                if (failed.contextWindow().llmSpanId() == null) continue;
                String repair = turns.get(r - 1).userText();
                List<Fact> answerFacts = Facts.of(failed.assistantText());
                boolean judged = failures.contains(f)
                        && turns.get(f - 1).assessments().stream().anyMatch(AssessmentView::failing);
                boolean aboutThatAnswer = Facts.of(repair).stream()
                        .anyMatch(x -> answerFacts.stream().anyMatch(x::sameAs));
                if (!judged && !aboutThatAnswer) continue;
                for (Fact fact : Facts.of(repair)) {
                    if (!fact.distinctive() || answerFacts.stream().anyMatch(fact::sameAs)) continue;
                    List<Integer> holders = new ArrayList<>();
                    int given = -1;
                    for (int j = 1; j < f; j++) {
                        TurnAnalysis e = turns.get(j - 1);
                        boolean inUser = says(e.userText(), fact);
                        if (inUser && given < 0 && !Terms.sameQuestion(repair, e.userText(), REASK_SIMILARITY))
                            given = j;
                        if (inUser || says(e.assistantText(), fact)) holders.add(j);
                    }
                    if (given < 0 || !failed.contextWindow().droppedTurns().containsAll(holders)) continue;
                    Integer lostAt = null;
                    for (int t = given + 1; t <= f && lostAt == null; t++) {
                        TurnAnalysis at = turns.get(t - 1);
                        final int now = t;
                        List<Integer> before = holders.stream().filter(j -> j < now).toList();
                        if (at.contextWindow().llmSpanId() != null
                                && at.contextWindow().droppedTurns().containsAll(before))
                            lostAt = t;
                    }
                    if (lostAt == null) continue;
                    List<Integer> chain = new ArrayList<>();
                    if (f > lostAt) chain.add(f);
                    evidence.get(lostAt - 1).add(new Evidence(lostAt, RootCauseKind.CONTEXT_LOSS, Strength.STRONG,
                            "the model's input no longer held \"" + fact.surface() + "\", which the user gave in turn "
                                    + given
                                    + " (the window dropped it here); turn " + f + " answered without it and turn " + r
                                    + "'s user gave it again",
                            List.of(fact), null, chain));
                    failures.add(f);
                    return;
                }
            }
            for (AssessmentView judge : sessionAssessments) {
                if (judge.failing() && judge.rationale() != null && lostForSessionJudge(judge)) return;
            }
        }

        /**
         * A failing session judge whose rationale names a fact the user gave, which later left the model's input: the
         * turn where it left is the root cause even though no turn was flagged.
         */
        boolean lostForSessionJudge(AssessmentView judge) {
            for (Fact fact : Facts.of(judge.rationale())) {
                if (!fact.distinctive()) continue;
                int given = -1;
                List<Integer> holders = new ArrayList<>();
                for (TurnAnalysis e : turns) {
                    boolean inUser = says(e.userText(), fact);
                    if (inUser && given < 0) given = e.index();
                    if (inUser || says(e.assistantText(), fact)) holders.add(e.index());
                }
                if (given < 0) continue;
                for (int t = given + 1; t <= turns.size(); t++) {
                    TurnAnalysis at = turns.get(t - 1);
                    final int now = t;
                    List<Integer> before = holders.stream().filter(j -> j < now).toList();
                    if (at.contextWindow().llmSpanId() != null && !before.isEmpty()
                            && at.contextWindow().droppedTurns().containsAll(before)) {
                        evidence.get(t - 1)
                                .add(new Evidence(t, RootCauseKind.CONTEXT_LOSS, Strength.STRONG,
                                        "the model's input no longer held \""
                                                + fact.surface() + "\", which the user gave in turn " + given
                                                + " (the window dropped it here), and the session "
                                                + "judge names it (" + AssessmentWording.describe(judge) + ")",
                                        List.of(fact), null, List.of()));
                        return true;
                    }
                }
            }
            return false;
        }

        // ---- walking back from the failure ----------------------------------------------------------------------

        RootCause choose(int anchor, List<String> rationales, @Nullable Integer flagged,
                List<AssessmentView> failedSessionJudges) {
            List<Scored> scored = new ArrayList<>();
            for (Evidence e : all()) {
                if (e.turn() > anchor) continue;
                double link = link(e, anchor, rationales);
                if (e.strength() == Strength.STRONG) link = Math.max(link, 0.6);
                scored.add(new Scored(e, link, e.strength().weight * link));
            }
            Comparator<Scored> withinTurn = Comparator.comparing((Scored s) -> s.evidence().strength()).reversed()
                    .thenComparing(s -> s.evidence().kind());
            Optional<Scored> root = scored.stream()
                    .filter(s -> s.evidence().strength() != Strength.WEAK && s.link() >= 0.5)
                    .min(Comparator.comparingInt((Scored s) -> s.evidence().turn()).thenComparing(withinTurn));
            Scored chosen = root.orElseGet(() -> fallback(anchor, failedSessionJudges));
            Evidence e = chosen.evidence();
            List<Integer> chain = chain(e, anchor);
            List<RootCause.Candidate> candidates = candidates(chosen, scored);
            double runnerUp = candidates.size() > 1 ? candidates.get(1).score() : 0;
            double confidence = chosen.score() * (runnerUp >= chosen.score() ? 0.75 : 1.0);
            String sentence = sentence(e, chain, flagged, failedSessionJudges);
            return new RootCause(e.turn(), e.kind(), sentence, chain, flagged, round(confidence), candidates,
                    e.kind() == RootCauseKind.OTHER ? e.reason() : null);
        }

        /** No turn has evidence of its own beyond the failure: the failure is where it started. */
        Scored fallback(int anchor, List<AssessmentView> failedSessionJudges) {
            if (!failedSessionJudges.isEmpty()) {
                Evidence e = new Evidence(anchor, RootCauseKind.OTHER, Strength.MEDIUM, "the session judge says "
                        + AssessmentWording.describe(failedSessionJudges.getFirst()), List.of(),
                        "only a session-level judge failed; no turn carries evidence of its own", List.of());
                return new Scored(e, 0.5, Strength.MEDIUM.weight * 0.5);
            }
            Evidence e = new Evidence(anchor, RootCauseKind.OTHER, Strength.MEDIUM, "the turn failed", List.of(),
                    "a failure without a traceable origin", List.of());
            return new Scored(e, 1, Strength.MEDIUM.weight);
        }

        /**
         * How well evidence at an earlier turn explains the failure at {@code anchor}: its facts reappear on the way
         * or in the failing judge's words (0.9), the judge's rationale names what that answer said (0.7), or the
         * failing answer continues that answer's subject (0.5).
         */
        double link(Evidence e, int anchor, List<String> rationales) {
            if (e.turn() == anchor || e.chain().contains(anchor)) return 1;
            for (Fact f : e.carrier()) {
                if (!f.distinctive()) continue;
                for (int j = e.turn() + 1; j <= anchor; j++) {
                    TurnAnalysis t = turns.get(j - 1);
                    if (says(t.assistantText(), f) || says(t.userText(), f)) return 0.9;
                }
                for (String r : rationales) if (rationaleNames(r, f)) return 0.9;
            }
            // the judge names the subject of that exchange: what the user asked about there and what the answer claimed
            TurnAnalysis origin = turns.get(e.turn() - 1);
            Set<String> exchange = distinctiveWords(origin.userText() + "\n" + origin.assistantText());
            for (String r : rationales) {
                if (overlap(exchange, Terms.contentWords(r)) >= 2) return 0.7;
            }
            Set<String> said = distinctiveWords(origin.assistantText());
            if (overlap(said, distinctiveWords(turns.get(anchor - 1).assistantText())) >= 2) return 0.5;
            return 0;
        }

        /** Later turns, up to the failure, that repeat the cause's facts; a context loss carries its own. */
        List<Integer> chain(Evidence e, int anchor) {
            TreeSet<Integer> out = new TreeSet<>(e.chain());
            if (e.kind() != RootCauseKind.CONTEXT_LOSS) {
                for (int j = e.turn() + 1; j <= turns.size(); j++) {
                    String answer = turns.get(j - 1).assistantText();
                    if (e.carrier().stream().filter(Fact::distinctive).anyMatch(f -> says(answer, f))) out.add(j);
                }
            }
            // later failures that are about it (not a later, unrelated error)
            for (int j : failures.tailSet(e.turn(), false)) {
                if (link(e, j, failureRationales.getOrDefault(j, List.of())) >= 0.5) out.add(j);
            }
            out.removeIf(j -> j <= e.turn());
            return List.copyOf(out);
        }

        List<RootCause.Candidate> candidates(Scored chosen, List<Scored> scored) {
            List<RootCause.Candidate> out = new ArrayList<>();
            out.add(candidate(chosen));
            Set<Integer> turnsTaken = new HashSet<>(Set.of(chosen.evidence().turn()));
            scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed())
                    .filter(s -> s.score() > 0 && turnsTaken.add(s.evidence().turn()))
                    .limit(RootCause.MAX_CANDIDATES - 1).forEach(s -> out.add(candidate(s)));
            return out;
        }

        RootCause.Candidate candidate(Scored s) {
            return new RootCause.Candidate(s.evidence().turn(), s.evidence().kind(), round(s.score()),
                    "turn " + s.evidence().turn() + ": " + s.evidence().sentence());
        }

        String sentence(Evidence e, List<Integer> chain, @Nullable Integer flagged,
                List<AssessmentView> failedSessionJudges) {
            StringBuilder s = new StringBuilder("turn ").append(e.turn()).append(": ").append(e.sentence());
            List<Integer> repeating = chain.stream().filter(j -> e.carrier().stream().filter(Fact::distinctive)
                    .anyMatch(f -> says(turns.get(j - 1).assistantText(), f))).toList();
            if (!repeating.isEmpty() && e.kind() != RootCauseKind.CONTEXT_LOSS) {
                s.append("; ").append(TurnList.describe(repeating))
                        .append(repeating.size() == 1 ? " repeats it" : " repeat it");
            }
            if (flagged != null && flagged != e.turn()) {
                turns.get(flagged - 1).assessments().stream().filter(RootCauseFinder::flagsTheAnswer).findFirst()
                        .ifPresentOrElse(
                                judge -> s.append("; a judge flagged turn ").append(flagged).append(" (")
                                        .append(AssessmentWording.describe(judge)).append(")"),
                                () -> s.append("; the failure showed in turn ").append(flagged));
            }
            if (!failedSessionJudges.isEmpty() && !e.sentence().startsWith("the session judge")) {
                s.append("; the session judge says ")
                        .append(AssessmentWording.describe(failedSessionJudges.getFirst()));
            }
            return s.toString();
        }

        List<Evidence> all() {
            return evidence.stream().flatMap(List::stream).toList();
        }

        Set<String> distinctiveWords(String text) {
            Set<String> out = new LinkedHashSet<>(Terms.contentWords(text));
            out.removeAll(commonWords);
            return out;
        }

        Optional<Integer> mentionedTurn(List<AssessmentView> judges) {
            for (AssessmentView a : judges) {
                if (a.rationale() == null) continue;
                Matcher m = TURN_MENTION.matcher(a.rationale());
                while (m.find()) {
                    int n = Integer.parseInt(m.group(1));
                    if (n >= 1 && n <= turns.size()) return Optional.of(n);
                }
            }
            return Optional.empty();
        }
    }

    private record Scored(Evidence evidence, double link, double score) {}

    /** What the finder counted and set aside, for the sentence a healthy session gets. */
    private static final class Benign {
        int passingJudges, ambiguousJudges, reasks, pushbacks, handledWarnings, retriedTools, unusedToolErrors,
                unusedOutdated, unsupported;

        String note(List<TurnAnalysis> turns) {
            List<String> parts = new ArrayList<>();
            add(parts, reasks, "re-ask", "re-asks");
            add(parts, pushbacks, "user follow-up that reads like a correction",
                    "user follow-ups that read like corrections");
            add(parts, handledWarnings, "handled warning", "handled warnings");
            add(parts, retriedTools, "tool failure recovered by a retry", "tool failures recovered by a retry");
            add(parts, unusedToolErrors, "tool failure the answer did not rely on",
                    "tool failures the answer did not rely on");
            add(parts, unusedOutdated, "outdated document the answer did not use",
                    "outdated documents the answer did not use");
            add(parts, ambiguousJudges, "ambiguous judge value with nothing wrong beside it",
                    "ambiguous judge values with nothing wrong beside them");
            add(parts, unsupported, "answer with facts from no source that no judge questioned",
                    "answers with facts from no source that no judge questioned");
            String judges = passingJudges > 0 ? "every judge passed" : "no judge flagged a turn";
            String errors = "no error went unrecovered";
            return judges + "; " + errors
                    + (parts.isEmpty() ? "" : "; " + String.join(", ", parts) + ", treated as benign");
        }

        private static void add(List<String> parts, int n, String one, String many) {
            if (n > 0) parts.add(n + " " + (n == 1 ? one : many));
        }
    }

    // ---- small helpers ------------------------------------------------------------------------------------------

    /**
     * A judge's flag on the answer: a failing verdict from an LLM judge (or a judge whose source the export does not name)
     * on what the user was told. A human's label is an
     * analyst's finding, not the monitoring's flag; a code scorer is a metric; MLflow's retrieval judges
     * ({@code retrieval_groundedness}, {@code retrieval_relevance}, {@code retrieval_sufficiency}) judge the retrieved
     * context, which is evidence about the cause, not the flag.
     */
    static boolean flagsTheAnswer(AssessmentView a) {
        String source = a.source().toUpperCase(Locale.ROOT);
        return a.failing() && !source.startsWith("HUMAN") && !source.startsWith("CODE")
                && !a.name().toLowerCase(Locale.ROOT).startsWith("retrieval_");
    }

    static boolean isGroundedness(AssessmentView a) {
        return a.name().toLowerCase(Locale.ROOT).contains("groundedness");
    }

    private static boolean has(TurnAnalysis t, String kind) {
        return t.signals().stream().anyMatch(s -> s.kind().equals(kind));
    }

    private static Optional<Signal> signal(TurnAnalysis t, String kind) {
        return t.signals().stream().filter(s -> s.kind().equals(kind)).findFirst();
    }

    /** Whether a text states this fact (same value and meaning; a name or code anywhere as a word). */
    static boolean says(@Nullable String text, Fact f) {
        if (text == null || text.isBlank()) return false;
        if (f.type() != Fact.Type.NUMBER)
            return containsWord(text.toLowerCase(Locale.ROOT), f.value().toLowerCase(Locale.ROOT));
        return Facts.of(text).stream().anyMatch(f::sameAs);
    }

    /** Whether a judge's rationale names one of these facts (see {@link #namedAs}). */
    private static boolean mentionsAny(@Nullable String rationale, List<Fact> facts) {
        return facts.stream().filter(Fact::distinctive).anyMatch(f -> rationaleNames(rationale, f));
    }

    static boolean rationaleNames(@Nullable String rationale, Fact f) {
        if (says(rationale, f)) return true;
        return rationale != null && f.type() == Fact.Type.NUMBER
                && Facts.of(rationale).stream().anyMatch(r -> namedAs(r, f));
    }

    /**
     * A rationale is another author's words, often in another language than the answer ("the 4,750 burst figure" for
     * "4,750 requests", "the 60-day figure" for "60 Tage"): a rare number (three digits or more, or a decimal) it names
     * is the answer's whatever word stands next to it. Short numbers keep their meaning, so a "14" never names "14 pots".
     */
    static boolean namedAs(Fact inRationale, Fact f) {
        if (inRationale.sameAs(f)) return true;
        if (inRationale.type() != Fact.Type.NUMBER || f.type() != Fact.Type.NUMBER
                || !inRationale.value().equals(f.value()))
            return false;
        String v = f.value();
        return v.replaceAll("[^0-9]", "").length() >= 3 || v.contains(".");
    }

    private static boolean containsWord(String haystack, String word) {
        int from = 0;
        while (true) {
            int i = haystack.indexOf(word, from);
            if (i < 0) return false;
            int end = i + word.length();
            if ((i == 0 || !Character.isLetterOrDigit(haystack.charAt(i - 1)))
                    && (end >= haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end))))
                return true;
            from = i + 1;
        }
    }

    private static int overlap(Set<String> a, Set<String> b) {
        int n = 0;
        for (String w : a) if (b.contains(w)) n++;
        return n;
    }

    /** Words in a third or more of the answers: the session's subject ("order", "booking"), which links everything. */
    private static Set<String> commonWords(List<TurnAnalysis> turns) {
        Map<String, Integer> df = new HashMap<>();
        for (TurnAnalysis t : turns) Terms.contentWords(t.assistantText()).forEach(w -> df.merge(w, 1, Integer::sum));
        Set<String> out = new HashSet<>();
        int threshold = Math.max(3, (int) Math.ceil(turns.size() * COMMON_WORD_SHARE));
        df.forEach((w, n) -> {
            if (n >= threshold) out.add(w);
        });
        return out;
    }

    private static String quote(List<TracedFact> facts) {
        return String.join(", ",
                facts.stream().map(f -> "\"" + f.fact().surface() + "\"").distinct().limit(4).toList());
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
