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
    public record Key(String traceId, int seq) implements Serializable {}

    @Id
    @Column(name = "trace_id")
    String traceId;
    @Id
    int seq;
    String assessmentId;
    String name;
    String kind;
    @Nullable String spanId;
    String sourceType;
    @Nullable String sourceId;
    @Nullable String valueJson;
    @Nullable String errorCode;
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
    @Nullable String overrides;
    String rawJson;

    protected AssessmentEntity() {}

    public String traceId() {
        return traceId;
    }
}
