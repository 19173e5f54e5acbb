package io.sessionlens.analysis.provenance;

import io.sessionlens.analysis.RetrievedDocument;
import io.sessionlens.analysis.ToolCall;
import io.sessionlens.analysis.TurnAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Traces every fact each answer states to its first appearance and its source: what the user said, what tools
 * returned, what retrieved documents say (current or outdated), an earlier answer, or nothing. This turns "the judge
 * flagged turn 5" into "turn 3 introduced the $35 fee from a 2019 document; turns 4–5 repeated it".
 */
public final class ClaimProvenance {

    /** One text the assistant could have taken facts from. */
    private record Known(Source source, int turn, @Nullable String where, List<Fact> facts, String lower) {
        static Known of(Source source, int turn, @Nullable String where, String text) {
            return new Known(source, turn, where, Facts.of(text), text.toLowerCase(Locale.ROOT));
        }

        boolean says(Fact f) {
            if (f.type() == Fact.Type.NAME) return containsWord(lower, f.value().toLowerCase(Locale.ROOT));
            for (Fact k : facts) {
                if (k.sameAs(f)) return true;
            }
            // a code quoted inside another token ("order SF-10492's") or a number spelled inside a code still counts
            return f.type() == Fact.Type.CODE && containsWord(lower, f.value().toLowerCase(Locale.ROOT));
        }

        /** The same distinctive number under any unit: two digits or more, or a decimal. */
        boolean sameValue(Fact f) {
            if (f.type() != Fact.Type.NUMBER || f.value().replaceAll("[^0-9]", "").length() < 2
                    || f.unit().equals("time"))
                return false;
            for (Fact k : facts) {
                if (k.type() == Fact.Type.NUMBER && k.value().equals(f.value()) && !k.unit().equals("time"))
                    return true;
            }
            return false;
        }
    }

    private final List<List<TracedFact>> perTurn;

    private ClaimProvenance(List<List<TracedFact>> perTurn) {
        this.perTurn = perTurn;
    }

    public static ClaimProvenance of(List<TurnAnalysis> turns) {
        List<Known> known = new ArrayList<>();
        List<Known> answers = new ArrayList<>();
        List<List<TracedFact>> out = new ArrayList<>();
        for (TurnAnalysis t : turns) {
            int n = t.index();
            known.add(Known.of(Source.USER, n, null, t.userText()));
            for (ToolCall c : t.toolCalls()) {
                if (c.result() != null) known.add(Known.of(Source.TOOL, n, "tool '" + c.name() + "'", c.result()));
                if (c.arguments() != null)
                    known.add(Known.of(Source.TOOL, n, "tool '" + c.name() + "'", c.arguments()));
            }
            for (RetrievedDocument d : t.retrievedDocuments()) {
                known.add(Known.of(d.outdated() ? Source.OUTDATED_DOCUMENT : Source.DOCUMENT, n,
                        "document '" + d.displayName() + "'",
                        d.snippet()));
            }
            List<TracedFact> traced = new ArrayList<>();
            for (Fact f : Facts.of(t.assistantText())) traced.add(trace(f, n, known, answers, out));
            out.add(List.copyOf(traced));
            answers.add(Known.of(Source.EARLIER_ANSWER, n, null, t.assistantText()));
        }
        return new ClaimProvenance(List.copyOf(out));
    }

    private static TracedFact trace(Fact f, int turn, List<Known> known, List<Known> answers,
            List<List<TracedFact>> earlier) {
        Known best = null;
        for (Known k : known) {
            if (k.says(f) && (best == null || k.source().ordinal() < best.source().ordinal())) best = k;
        }
        if (best != null && best.source() != Source.OUTDATED_DOCUMENT)
            return new TracedFact(f, best.source(), turn, best.where());
        for (Known a : answers) {
            if (a.says(f)) {
                // the earlier answer's own source decides: a repeated made-up fact stays made up
                Source first = earlier.get(a.turn() - 1).stream().filter(x -> x.fact().sameAs(f))
                        .map(TracedFact::source)
                        .findFirst().orElse(Source.EARLIER_ANSWER);
                return new TracedFact(f, first == Source.NONE ? Source.NONE : Source.EARLIER_ANSWER, a.turn(), null);
            }
        }
        if (best != null) return new TracedFact(f, best.source(), turn, best.where());
        // the same number under another word in this turn's own sources: the answer restated what it was given in
        // other words or another language ("60 Tage" from a page saying "60 days"). Across turns the meaning must
        // agree, so a bare "14" never links "14 pots" to "14 March" (decision 011).
        for (Known k : known) {
            if (k.turn() == turn && k.sameValue(f) && (best == null || k.source().ordinal() < best.source().ordinal()))
                best = k;
        }
        if (best != null) return new TracedFact(f, best.source(), turn, best.where());
        return new TracedFact(f, Source.NONE, turn, null);
    }

    /** The facts of turn {@code n}'s answer (1-based), traced. */
    public List<TracedFact> ofTurn(int n) {
        return n >= 1 && n <= perTurn.size() ? perTurn.get(n - 1) : List.of();
    }

    /** Facts this turn's answer introduced without any source (made up here, not repeated from earlier). */
    public List<TracedFact> inventedIn(int n) {
        return ofTurn(n).stream().filter(f -> f.unsupported() && f.firstTurn() == n).toList();
    }

    /** Facts this turn's answer took from a document marked outdated and from nothing current. */
    public List<TracedFact> fromOutdatedDocumentsIn(int n) {
        return ofTurn(n).stream().filter(f -> f.source() == Source.OUTDATED_DOCUMENT && f.firstTurn() == n).toList();
    }

    static boolean containsWord(String haystack, String word) {
        int from = 0;
        while (true) {
            int i = haystack.indexOf(word, from);
            if (i < 0) return false;
            int end = i + word.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(haystack.charAt(i - 1));
            boolean endOk = end >= haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end));
            if (startOk && endOk) return true;
            from = i + 1;
        }
    }
}
