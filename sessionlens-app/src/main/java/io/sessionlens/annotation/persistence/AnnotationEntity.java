package io.sessionlens.annotation.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One annotation (migration V31): its session, target, label, note, author and latest edit. */
@Entity
@Table(name = "annotation")
public class AnnotationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    String experimentId;
    String sessionKey;
    String target;
    @Nullable String traceId;
    @Nullable String spanId;
    @Nullable String labelName;
    @Nullable String labelValue;
    String note;
    String author;
    Instant createdAt;
    @Nullable String editedBy;
    @Nullable Instant editedAt;
    @Version long version;

    protected AnnotationEntity() {}

    public AnnotationEntity(String experimentId, String sessionKey, String target, @Nullable String traceId,
            @Nullable String spanId, String author, Instant createdAt) {
        this.experimentId = experimentId;
        this.sessionKey = sessionKey;
        this.target = target;
        this.traceId = traceId;
        this.spanId = spanId;
        this.author = author;
        this.createdAt = createdAt;
    }

    public void write(@Nullable String labelName, @Nullable String labelValue, String note) {
        this.labelName = labelName;
        this.labelValue = labelValue;
        this.note = note;
    }

    public void edited(String by, Instant at) {
        this.editedBy = by;
        this.editedAt = at;
    }

    public Long getId() { return id; }
    public String getExperimentId() { return experimentId; }
    public String getSessionKey() { return sessionKey; }
    public String getTarget() { return target; }
    public @Nullable String getTraceId() { return traceId; }
    public @Nullable String getSpanId() { return spanId; }
    public @Nullable String getLabelName() { return labelName; }
    public @Nullable String getLabelValue() { return labelValue; }
    public String getNote() { return note; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable String getEditedBy() { return editedBy; }
    public @Nullable Instant getEditedAt() { return editedAt; }
    public long getVersion() { return version; }
}
