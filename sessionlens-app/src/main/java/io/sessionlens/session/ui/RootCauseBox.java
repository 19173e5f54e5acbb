package io.sessionlens.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.sessionlens.analysis.AssessmentView;
import io.sessionlens.analysis.RootCause;
import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.session.SessionDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * "Where it went wrong": the root-cause turn, what kind of fault it was, how sure the analysis is, the evidence, the
 * later turns that built on it, the turn a judge flagged, and the other turns it considered. A healthy session says why
 * it has no root cause. Every text from a trace goes in as text (escaped), never as HTML.
 */
final class RootCauseBox extends Div {
    /** Confidence at or above this reads "high"; at or above {@link #MEDIUM}, "medium"; below, "low". */
    static final double HIGH = 0.7;
    static final double MEDIUM = 0.4;

    RootCauseBox(SessionDocument doc) {
        setId("root-cause");
        RootCause rc = doc.rootCause();
        if (rc == null) {
            addClassName("sl-ok");
            add(new Paragraph("No evidence of a failure in this session."));
            if (doc.diagnosisNote() != null)
                add(withId(new Paragraph(capitalised(doc.diagnosisNote()) + "."), "diagnosis-note"));
            return;
        }
        addClassName("sl-cause");
        var head = new Div(turnLink(rc.turn()), new Span(" · "),
                withId(new Span(kind(rc.kind(), rc.reason())), "root-cause-kind"));
        head.addClassName("sl-cause-head");
        add(head);
        var confidence = new Span("confidence " + confidenceWord(rc.confidence()) + " · " + score(rc.confidence()));
        confidence.addClassName("sl-confidence");
        confidence.getElement().setAttribute("data-level", confidenceWord(rc.confidence()));
        add(withId(confidence, "root-cause-confidence"));
        add(withId(new Paragraph(withoutTurn(rc.evidence(), rc.turn())), "root-cause-evidence"));
        if (!rc.chain().isEmpty()) {
            var chain = new Div(new Span(
                    rc.chain().size() == 1 ? "Later turn that built on it: " : "Later turns that built on it: "));
            chain.add(turnLinks(rc.chain()).toArray(Component[]::new));
            chain.addClassName("sl-cause-line");
            add(withId(chain, "root-cause-chain"));
        }
        if (rc.flaggedTurn() != null && rc.flaggedTurn() != rc.turn()) {
            // said as the evidence sentence says it: a flagged turn without a failing judge is where the failure showed
            boolean judged = rc.flaggedTurn() <= doc.turns().size()
                    && doc.turns().get(rc.flaggedTurn() - 1).assessments().stream().anyMatch(AssessmentView::failing);
            var flagged = new Div(new Span(judged ? "A judge flagged turn " : "The failure showed in turn "),
                    turnLink(rc.flaggedTurn(), String.valueOf(rc.flaggedTurn())));
            flagged.addClassName("sl-cause-line");
            add(withId(flagged, "root-cause-flagged"));
        }
        List<RootCause.Candidate> others = rc.candidates().stream()
                .filter(c -> c.turn() != rc.turn() || c.kind() != rc.kind()).toList();
        if (!others.isEmpty()) {
            var also = new Div(new H4("Also considered"));
            also.setId("root-cause-candidates");
            also.addClassName("sl-candidates");
            for (RootCause.Candidate c : others) {
                var line = new Div(turnLink(c.turn()), new Span(" · " + kind(c.kind(), null) + " · "),
                        new Span("score " + score(c.score())));
                line.addClassName("sl-candidate-head");
                var evidence = new Div(withoutTurn(c.evidence(), c.turn()));
                evidence.addClassName("sl-candidate-evidence");
                var item = new Div(line, evidence);
                item.addClassName("sl-candidate");
                also.add(item);
            }
            add(also);
        }
    }

    /** The kind in an analyst's words; for "other", the reason the analysis gives. */
    static String kind(RootCauseKind kind, @Nullable String reason) {
        return kind == RootCauseKind.OTHER && reason != null && !reason.isBlank() ? reason : kind.label();
    }

    static String confidenceWord(double confidence) {
        return confidence >= HIGH ? "high" : confidence >= MEDIUM ? "medium" : "low";
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static Anchor turnLink(int turn) {
        return turnLink(turn, "Turn " + turn);
    }

    private static Anchor turnLink(int turn, String text) {
        var a = new Anchor("#turn-" + turn, text);
        a.getElement().setAttribute("data-turn", String.valueOf(turn));
        return a;
    }

    /** "4", "4 and 5", "4, 5 and 7", each a link to its turn. */
    private static List<Component> turnLinks(List<Integer> turns) {
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            if (i > 0) out.add(new Span(i == turns.size() - 1 ? " and " : ", "));
            out.add(turnLink(turns.get(i), String.valueOf(turns.get(i))));
        }
        return out;
    }

    /** The analysis' sentences start "turn 3: …"; under a "Turn 3" heading that is said twice. */
    static String withoutTurn(String evidence, int turn) {
        String prefix = "turn " + turn + ": ";
        return capitalised(evidence.startsWith(prefix) ? evidence.substring(prefix.length()) : evidence);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static <C extends Component> C withId(C c, String id) {
        c.setId(id);
        return c;
    }
}
