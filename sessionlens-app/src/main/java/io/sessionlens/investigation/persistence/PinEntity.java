package io.sessionlens.investigation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One pinned piece of evidence; a row of its own, so pins never conflict with each other or with edits. */
@Entity
@Table(name = "investigation_pin")
public class PinEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;
    long investigationId;
    String experimentId;
    String sessionKey;
    @Column(name = "turn_index")
    @Nullable Integer turn;
    @Nullable String traceId;
    @Nullable String spanId;
    @Nullable String spanName;
    String quote;
    String pinnedBy;
    Instant pinnedAt;

    protected PinEntity() {}

    public PinEntity(long investigationId, String experimentId, String sessionKey, @Nullable Integer turn,
            @Nullable String traceId, @Nullable String spanId, @Nullable String spanName, String quote,
            String pinnedBy, Instant pinnedAt) {
        this.investigationId = investigationId;
        this.experimentId = experimentId;
        this.sessionKey = sessionKey;
        this.turn = turn;
        this.traceId = traceId;
        this.spanId = spanId;
        this.spanName = spanName;
        this.quote = quote;
        this.pinnedBy = pinnedBy;
        this.pinnedAt = pinnedAt;
    }

    public long getId() { return id == null ? 0 : id; }
    public long getInvestigationId() { return investigationId; }
    public String getExperimentId() { return experimentId; }
    public String getSessionKey() { return sessionKey; }
    public @Nullable Integer getTurn() { return turn; }
    public @Nullable String getTraceId() { return traceId; }
    public @Nullable String getSpanId() { return spanId; }
    public @Nullable String getSpanName() { return spanName; }
    public String getQuote() { return quote; }
    public String getPinnedBy() { return pinnedBy; }
    public Instant getPinnedAt() { return pinnedAt; }
}
