package io.sessionlens.review.persistence;

import io.sessionlens.trace.SessionRef;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One session of a queue. The lock and the answer count are written only by {@link ReviewItemRepository}'s conditional
 * updates, never by saving this entity, so two nodes cannot both win a claim.
 */
@Entity
@Table(name = "review_item")
public class ReviewItemEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;
    long queueId;
    int position;
    String experimentId;
    String sessionKey;
    int answerCount;
    @Nullable String lockedBy;
    @Nullable Instant lockedUntil;
    @Nullable String outcome;
    @Nullable String finalJson;

    protected ReviewItemEntity() {}

    public ReviewItemEntity(long queueId, int position, SessionRef ref) {
        this.queueId = queueId;
        this.position = position;
        this.experimentId = ref.experimentId();
        this.sessionKey = ref.sessionId();
    }

    public long getId() { return id == null ? 0 : id; }
    public long getQueueId() { return queueId; }
    public int getPosition() { return position; }
    public SessionRef ref() {
        return new SessionRef(experimentId, sessionKey);
    }
    public int getAnswerCount() { return answerCount; }
    public @Nullable String getLockedBy() { return lockedBy; }
    public @Nullable Instant getLockedUntil() { return lockedUntil; }
    public @Nullable String getOutcome() { return outcome; }
    public @Nullable String getFinalJson() { return finalJson; }
}
