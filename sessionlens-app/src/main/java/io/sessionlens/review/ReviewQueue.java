package io.sessionlens.review;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A review queue as pages and the API show it. {@code filter}: the Sessions page's URL parameters it was made from;
 * {@code progress}: how far its reviewers are.
 */
public record ReviewQueue(long id, String name, String filter, List<String> labelSchemas, List<String> reviewers,
        int reviewersPerSession, String createdBy, Instant createdAt, @Nullable Instant closedAt,
        Progress progress) {
    public ReviewQueue {
        labelSchemas = List.copyOf(labelSchemas);
        reviewers = List.copyOf(reviewers);
    }

    public boolean closed() {
        return closedAt != null;
    }

    /**
     * {@code items} in the queue; {@code complete}: items with every answer they need; {@code answers} given of
     * {@code answersNeeded}; {@code disagreements} waiting for adjudication; {@code adjudicated}; {@code inReview}:
     * items locked by a reviewer right now.
     */
    public record Progress(long items, long complete, long answers, long answersNeeded, long disagreements,
            long adjudicated, long inReview) {
        public int percent() {
            return answersNeeded == 0 ? 100 : (int) Math.floor(100.0 * answers / answersNeeded);
        }
    }
}
