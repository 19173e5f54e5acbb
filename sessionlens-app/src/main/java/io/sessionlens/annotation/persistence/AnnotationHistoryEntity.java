package io.sessionlens.annotation.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One version of an annotation that an edit replaced (migration V31); never changed. */
@Entity
@Table(name = "annotation_history")
public class AnnotationHistoryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    long annotationId;
    long version;
    @Nullable String labelName;
    @Nullable String labelValue;
    String note;
    String writtenBy;
    Instant writtenAt;

    protected AnnotationHistoryEntity() {}

    /** The annotation as it stands, before an edit replaces it. */
    public static AnnotationHistoryEntity of(AnnotationEntity a) {
        var h = new AnnotationHistoryEntity();
        h.annotationId = a.getId();
        h.version = a.getVersion();
        h.labelName = a.getLabelName();
        h.labelValue = a.getLabelValue();
        h.note = a.getNote();
        h.writtenBy = a.getEditedBy() == null ? a.getAuthor() : a.getEditedBy();
        h.writtenAt = a.getEditedAt() == null ? a.getCreatedAt() : a.getEditedAt();
        return h;
    }

    public long getVersion() { return version; }
    public @Nullable String getLabelName() { return labelName; }
    public @Nullable String getLabelValue() { return labelValue; }
    public String getNote() { return note; }
    public String getWrittenBy() { return writtenBy; }
    public Instant getWrittenAt() { return writtenAt; }
}
