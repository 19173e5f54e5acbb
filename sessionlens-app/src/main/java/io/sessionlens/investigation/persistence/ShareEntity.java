package io.sessionlens.investigation.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An investigation's read-only share link: the SHA-256 of its token, never the token. */
@Entity
@Table(name = "investigation_share")
public class ShareEntity {
    @Id long investigationId;
    String tokenHash;
    String createdBy;
    Instant createdAt;

    protected ShareEntity() {}

    public ShareEntity(long investigationId, String tokenHash, String createdBy, Instant createdAt) {
        this.investigationId = investigationId;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public long getInvestigationId() { return investigationId; }
}
