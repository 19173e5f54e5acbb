package io.sessionlens.analysis;

import io.sessionlens.analysis.assessment.AssessmentWording;
import io.sessionlens.analysis.signal.SignalKind;

/**
 * A session as Markdown, for pasting into a ticket or a chat: the root cause first, then each turn's user and
 * assistant text with its assessments (rationale in full) and signals.
 */
public final class TranscriptMarkdown {
    private TranscriptMarkdown() {}

    public static String render(String sessionId, SessionAnalysis a) {
        return render(sessionId, a, java.util.Map.of());
    }

    /**
     * With the analysts' annotations: {@code notes} holds ready Markdown blocks, key 0 for the session's own (under the
     * root cause), key n for turn n's (at the end of the turn).
     */
    public static String render(String sessionId, SessionAnalysis a, java.util.Map<Integer, String> notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Session ").append(inline(sessionId)).append("\n\n");
        RootCause rc = a.rootCause();
        if (rc == null) {
            md.append("No root cause: ")
                    .append(inline(a.diagnosisNote() == null
                            ? "no failing judge, unrecovered error or other negative evidence"
                            : a.diagnosisNote()))
                    .append(".\n\n");
        } else {
            md.append("**Root cause (").append(rc.kind().label()).append(", confidence ")
                    .append(Math.round(rc.confidence() * 100)).append(" %):** ").append(inline(rc.evidence()))
                    .append("\n\n");
            if (rc.candidates().size() > 1) {
                md.append("Also considered:\n\n");
                rc.candidates().subList(1, rc.candidates().size())
                        .forEach(c -> md.append("- ").append(inline(c.evidence()))
                                .append(" (score ").append(c.score()).append(")\n"));
                md.append('\n');
            }
        }
        String sessionNotes = notes.get(0);
        if (sessionNotes != null && !sessionNotes.isBlank())
            md.append("## Annotations\n\n").append(sessionNotes).append('\n');
        if (!a.sessionAssessments().isEmpty()) {
            md.append("## Session assessments\n\n");
            a.sessionAssessments().forEach(v -> assessment(md, v));
            md.append('\n');
        }
        if (!a.scorerErrors().isEmpty()) {
            md.append("## Scorer errors\n\n");
            for (ScorerError e : a.scorerErrors()) {
                md.append("- ").append(inline(e.name())).append(" on ").append(inline(e.traceId())).append(": ")
                        .append(e.errorCode() == null ? "" : e.errorCode() + " ")
                        .append(e.message() == null ? "" : inline(e.message())).append('\n');
            }
            md.append('\n');
        }
        for (TurnAnalysis t : a.turns()) turn(md, t, notes.get(t.index()));
        return md.toString();
    }

    private static void turn(StringBuilder md, TurnAnalysis t, @org.jspecify.annotations.Nullable String notes) {
        md.append("## Turn ").append(t.index()).append("\n\n");
        md.append("_Trace ").append(inline(t.traceId())).append(", read from ").append(t.readFrom().source())
                .append(t.truncated() ? " (cut short by MLflow)" : "").append("_\n\n");
        md.append("**User:**\n\n").append(quote(t.userText())).append('\n');
        md.append("**Assistant:**\n\n").append(quote(t.assistantText())).append('\n');
        if (!t.assessments().isEmpty()) {
            md.append("**Assessments:**\n\n");
            t.assessments().forEach(v -> assessment(md, v));
            md.append('\n');
        }
        if (!t.signals().isEmpty()) {
            md.append("**Signals:**\n\n");
            for (Signal s : t.signals())
                md.append("- ").append(SignalKind.label(s.kind())).append(": ").append(inline(s.detail())).append('\n');
            md.append('\n');
        }
        if (notes != null && !notes.isBlank()) md.append("**Annotations:**\n\n").append(notes).append('\n');
    }

    private static void assessment(StringBuilder md, AssessmentView v) {
        md.append("- **").append(inline(v.name())).append("** = ").append(inline(AssessmentWording.value(v.value())))
                .append(" (").append(v.verdict()).append(", ").append(inline(v.source())).append(")\n");
        if (v.rationale() != null) md.append(indentedQuote(v.rationale()));
        for (AssessmentView old : v.history()) {
            md.append("  - overrides ").append(inline(AssessmentWording.value(old.value()))).append(" (")
                    .append(inline(old.source())).append(")\n");
        }
    }

    /** Conversation text as a block quote, so headings or lists inside it stay inside the turn. */
    private static String quote(String text) {
        if (text.isBlank()) return "> _(no text)_\n";
        StringBuilder q = new StringBuilder();
        for (String line : text.strip().split("\\R", -1)) q.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        return q.toString();
    }

    private static String indentedQuote(String text) {
        StringBuilder q = new StringBuilder();
        for (String line : text.strip().split("\\R", -1)) q.append("  > ").append(line).append('\n');
        return q.toString();
    }

    private static String inline(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ");
    }
}
