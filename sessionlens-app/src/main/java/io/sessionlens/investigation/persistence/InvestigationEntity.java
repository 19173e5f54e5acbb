package io.sessionlens.investigation.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An investigation's own fields, with the optimistic-lock version an edit names. */
@Entity
@Table(name = "investigation")
public class InvestigationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;
    String title;
    String hypothesis;
    String status;
    String ownerName;
    String conclusion;
    @Nullable String rootCauseKind;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;
    @Version long version;

    protected InvestigationEntity() {}

    public InvestigationEntity(String title, String hypothesis, String status, String owner, Instant at) {
        this.title = title;
        this.hypothesis = hypothesis;
        this.status = status;
        this.ownerName = owner;
        this.conclusion = "";
        this.createdAt = at;
        this.updatedAt = at;
        this.updatedBy = owner;
    }

    public long getId() { return id == null ? 0 : id; }
    public String getTitle() { return title; }
    public String getHypothesis() { return hypothesis; }
    public String getStatus() { return status; }
    public String getOwner() { return ownerName; }
    public String getConclusion() { return conclusion; }
    public @Nullable String getRootCauseKind() { return rootCauseKind; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }

    public void change(String title, String hypothesis, String status, String conclusion,
            @Nullable String rootCauseKind, String by, Instant at) {
        this.title = title;
        this.hypothesis = hypothesis;
        this.status = status;
        this.conclusion = conclusion;
        this.rootCauseKind = rootCauseKind;
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
