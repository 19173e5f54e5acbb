package io.sessionlens.review;

import io.sessionlens.trace.SessionRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One session of a queue: where it stands ({@link Outcome}), who holds it now, the answers given and what came of them
 * ({@code result}: the verdict and labels that were agreed or adjudicated).
 */
public record ReviewItem(long id, long queueId, int position, SessionRef session, int answerCount,
        @Nullable String lockedBy, @Nullable Instant lockedUntil, Outcome outcome, List<ReviewAnswer> answers,
        @Nullable Result result) {
    public ReviewItem {
        answers = List.copyOf(answers);
    }

    public enum Outcome {
        /** Waiting for answers. */
        OPEN,
        /** Every answer the same: the verdict was set from them. */
        AGREED,
        /** The answers differ: a manager adjudicates. */
        DISAGREED,
        /** A manager decided. */
        ADJUDICATED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The verdict and labels that stand for the session after review, and who decided them. */
    public record Result(@Nullable Integer turn, @Nullable String kind, java.util.Map<String, String> labels,
            String decidedBy) {}
}
