package io.sessionlens.review.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One reviewer's answer to one item, or their skip. */
@Entity
@Table(name = "review_answer")
public class ReviewAnswerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;
    long itemId;
    String reviewer;
    boolean skipped;
    @Nullable Integer rootCauseTurn;
    @Nullable String rootCauseKind;
    @Nullable String note;
    @Nullable String labelsJson;
    Instant answeredAt;

    protected ReviewAnswerEntity() {}

    public ReviewAnswerEntity(long itemId, String reviewer, boolean skipped, @Nullable Integer turn,
            @Nullable String kind, @Nullable String note, @Nullable String labelsJson, Instant answeredAt) {
        this.itemId = itemId;
        this.reviewer = reviewer;
        this.skipped = skipped;
        this.rootCauseTurn = turn;
        this.rootCauseKind = kind;
        this.note = note;
        this.labelsJson = labelsJson;
        this.answeredAt = answeredAt;
    }

    public long getItemId() { return itemId; }
    public String getReviewer() { return reviewer; }
    public boolean isSkipped() { return skipped; }
    public @Nullable Integer getRootCauseTurn() { return rootCauseTurn; }
    public @Nullable String getRootCauseKind() { return rootCauseKind; }
    public @Nullable String getNote() { return note; }
    public @Nullable String getLabelsJson() { return labelsJson; }
    public Instant getAnsweredAt() { return answeredAt; }
}
