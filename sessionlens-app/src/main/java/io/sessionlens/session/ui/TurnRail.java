package io.sessionlens.session.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import io.sessionlens.session.TurnDocument;
import java.util.List;

/** One link per turn down the left edge, the root-cause, flagged and built-on-it turns marked. */
final class TurnRail extends Div {

    TurnRail(List<TurnDocument> turns, TurnMarks marks) {
        addClassName("sl-rail");
        setId("turn-rail");
        for (TurnDocument t : turns) add(item(t.index(), marks));
    }

    private static Anchor item(int turn, TurnMarks marks) {
        var a = new Anchor("#turn-" + turn, "Turn " + turn);
        a.addClassName("sl-rail-item");
        a.getElement().setAttribute("data-turn", Integer.toString(turn));
        if (marks.cause(turn)) {
            a.addClassName("root-cause");
            a.setTitle("Root cause: the earliest turn that explains the failure");
        } else if (marks.flagged(turn)) {
            a.addClassName("flagged");
            a.setTitle("Flagged: a failing judge or an error in this turn");
        } else if (marks.inChain(turn)) {
            a.addClassName("chain");
            a.setTitle("Built on the root-cause turn");
        }
        return a;
    }
}
