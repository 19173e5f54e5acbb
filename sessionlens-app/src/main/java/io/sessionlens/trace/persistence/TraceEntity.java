package io.sessionlens.trace.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "trace_record")
public class TraceEntity {
    @Id
    @Column(name = "trace_id", length = StoredLengths.ID) String traceId;
    /**
     * The numeric key spans and assessments hang on (V37), taken from {@code trace_pk_seq} by {@link TraceRowWriter}
     * when the row is inserted; MLflow's trace id above stays the key JPA and every other feature use.
     */
    @Column(name = "trace_pk") long tracePk;
    @Column(length = StoredLengths.ID) String experimentId;
    @Column(length = StoredLengths.ID)
    @Nullable String sessionId;
    @Column(length = StoredLengths.ID) String sessionKey;
    Instant requestTime;
    @Nullable Long durationMs;
    String state;
    @Column(length = StoredLengths.ID)
    @Nullable String userId;
    @Column(length = StoredLengths.TRACE_NAME)
    @Nullable String traceName;
    @Column(length = StoredLengths.ID)
    @Nullable String clientRequestId;
    @Nullable String requestPreview;
    @Nullable String responsePreview;
    String metadataJson;
    String tagsJson;
    int spanCount;
    int errorSpanCount;
    long inputTokens;
    long outputTokens;
    long totalTokens;
    String contentHash;
    Instant importedAt;

    protected TraceEntity() {}

    TraceEntity(String traceId) {
        this.traceId = traceId;
    }

    public String getTraceId() { return traceId; }
    public long getTracePk() { return tracePk; }
    public String getExperimentId() { return experimentId; }
    public @Nullable String getSessionId() { return sessionId; }
    public String getSessionKey() { return sessionKey; }
    public Instant getRequestTime() { return requestTime; }
    public @Nullable Long getDurationMs() { return durationMs; }
    public String getState() { return state; }
    public @Nullable String getUserId() { return userId; }
    public @Nullable String getTraceName() { return traceName; }
    public int getSpanCount() { return spanCount; }
    public int getErrorSpanCount() { return errorSpanCount; }
    public String getContentHash() { return contentHash; }
}
