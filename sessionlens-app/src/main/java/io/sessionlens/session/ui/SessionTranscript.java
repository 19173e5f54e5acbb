package io.sessionlens.session.ui;

import com.vaadin.flow.component.html.Div;
import io.sessionlens.session.SessionDocument;
import io.sessionlens.session.TurnDocument;

/**
 * A session's turns as the session page shows them (the same {@link TurnCard}s, root-cause and flagged turns marked),
 * read-only: for another feature's page that shows a transcript beside its own controls (the review queue's focus
 * view). Each card is an element {@code .sl-turn} with {@code data-turn}, so a page script can move between them.
 */
public final class SessionTranscript extends Div {

    public SessionTranscript(SessionDocument doc) {
        addClassName("sl-chat");
        addClassName("sl-transcript");
        TurnMarks marks = TurnMarks.of(doc);
        for (TurnDocument t : doc.turns())
            add(new TurnCard(doc.experimentId(), t, marks, doc.scorerErrors(), null, new Div(), null));
    }
}
