package io.sessionlens.analysis.rootcause;

import io.sessionlens.analysis.AssessmentView;
import org.jspecify.annotations.Nullable;

/**
 * Where the session visibly went wrong: a judge's flag, a turn that errored, an answer the user corrected.
 *
 * @param turn 1-based; 0 for a session-level judge, which names no turn
 * @param description the failure as a clause naming its turn ("the judge flagged turn 5 (…)")
 * @param ownDescription the same clause for a sentence that already starts with the turn ("the judge flagged it (…)")
 * @param judge the failing assessment, for {@link Type#JUDGE}
 * @param userReply the correcting user message, for {@link Type#CORRECTION}
 */
record Failure(int turn, Type type, String description, String ownDescription, @Nullable AssessmentView judge,
        @Nullable String userReply) {

    /** In order of how directly they show the failure: a judge names it, an error shows it, a correction implies it. */
    enum Type { JUDGE, ERROR, CORRECTION, SESSION_JUDGE }

    boolean sessionLevel() {
        return type == Type.SESSION_JUDGE;
    }
}
