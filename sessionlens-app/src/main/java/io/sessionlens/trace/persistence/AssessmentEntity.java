package io.sessionlens.trace.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "assessment_record")
@IdClass(AssessmentEntity.Key.class)
public class AssessmentEntity {
    public record Key(long tracePk, int seq) implements Serializable {}

    @Id
    @Column(name = "trace_pk") long tracePk;
    @Id int seq;
    @Column(length = StoredLengths.ID) String assessmentId;
    @Column(length = StoredLengths.ASSESSMENT_NAME) String name;
    String kind;
    @Column(length = StoredLengths.SPAN_ID)
    @Nullable String spanId;
    @Column(length = StoredLengths.SOURCE_TYPE) String sourceType;
    @Column(length = StoredLengths.SOURCE_ID)
    @Nullable String sourceId;
    @Nullable String valueJson;
    @Column(length = StoredLengths.ERROR_CODE)
    @Nullable String errorCode;
    @Column(length = StoredLengths.SERIALIZED_FORMAT)
    @Nullable String serializedFormat;
    @Nullable String serializedValue;
    @Nullable String errorMessage;
    @Nullable String errorStack;
    @Nullable String rationale;
    String metadataJson;
    @jakarta.persistence.Column(name = "create_time") java.time.@Nullable Instant createTime;
    @jakarta.persistence.Column(name = "update_time") java.time.@Nullable Instant updateTime;
    boolean sessionLevel;
    boolean valid;
    @Column(length = StoredLengths.OVERRIDES)
    @Nullable String overrides;
    String rawJson;

    protected AssessmentEntity() {}

    public long tracePk() {
        return tracePk;
    }
}
