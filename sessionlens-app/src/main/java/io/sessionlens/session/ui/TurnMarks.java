package io.sessionlens.session.ui;

import io.sessionlens.analysis.RootCause;
import io.sessionlens.session.SessionDocument;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** How the rail and the cards mark each turn: the root cause, the later turns built on it, and the flagged turns. */
record TurnMarks(@Nullable Integer rootCause, List<Integer> chain, Set<Integer> flagged) {

    static TurnMarks of(SessionDocument doc) {
        RootCause rc = doc.rootCause();
        return new TurnMarks(rc == null ? null : rc.turn(), rc == null ? List.of() : rc.chain(), doc.flaggedTurns());
    }

    boolean cause(int turn) {
        return rootCause != null && rootCause == turn;
    }

    boolean inChain(int turn) {
        return chain.contains(turn);
    }

    boolean flagged(int turn) {
        return flagged.contains(turn);
    }
}
