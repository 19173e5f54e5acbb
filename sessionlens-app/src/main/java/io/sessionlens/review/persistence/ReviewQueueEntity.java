package io.sessionlens.review.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A review queue (migration V32). {@code labelSchemas} and {@code reviewers} are JSON arrays of names. */
@Entity
@Table(name = "review_queue")
public class ReviewQueueEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;
    String name;
    String filterQuery;
    String labelSchemas;
    String reviewers;
    int reviewersPerSession;
    String createdBy;
    Instant createdAt;
    @Nullable Instant closedAt;

    protected ReviewQueueEntity() {}

    public ReviewQueueEntity(String name, String filterQuery, String labelSchemas, String reviewers,
            int reviewersPerSession, String createdBy, Instant createdAt) {
        this.name = name;
        this.filterQuery = filterQuery;
        this.labelSchemas = labelSchemas;
        this.reviewers = reviewers;
        this.reviewersPerSession = reviewersPerSession;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public long getId() { return id == null ? 0 : id; }
    public String getName() { return name; }
    public String getFilterQuery() { return filterQuery; }
    public String getLabelSchemas() { return labelSchemas; }
    public String getReviewers() { return reviewers; }
    public int getReviewersPerSession() { return reviewersPerSession; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable Instant getClosedAt() { return closedAt; }

    public void close(Instant at) {
        this.closedAt = at;
    }
}
