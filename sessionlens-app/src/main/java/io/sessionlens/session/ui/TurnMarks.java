package io.sessionlens.session.ui;

import io.sessionlens.analysis.RootCause;
import io.sessionlens.session.HumanVerdict;
import io.sessionlens.session.SessionDocument;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** How the rail and the cards mark each turn: the root cause, the later turns built on it, and the flagged turns. */
record TurnMarks(@Nullable Integer rootCause, List<Integer> chain, Set<Integer> flagged) {

    /** The reviewer's verdict where there is one (its chain only when it kept the analysis' turn), else the analysis'. */
    static TurnMarks of(SessionDocument doc) {
        RootCause rc = doc.rootCause();
        HumanVerdict human = doc.humanVerdict();
        if (human != null) {
            boolean sameTurn = rc != null && human.turn() != null && human.turn() == rc.turn();
            return new TurnMarks(human.turn(), sameTurn ? rc.chain() : List.of(), doc.flaggedTurns());
        }
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
