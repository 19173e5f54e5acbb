package io.sessionlens.audit.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One write: when, who, what kind, on what, a sentence, and the JSON before and after (settings, verdicts). */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    Instant occurredAt;
    String actor;
    String kind;
    String subject;
    String summary;
    @Nullable String beforeJson;
    @Nullable String afterJson;

    protected AuditEntryEntity() {}

    public AuditEntryEntity(Instant occurredAt, String actor, String kind, String subject, String summary,
            @Nullable String beforeJson, @Nullable String afterJson) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.subject = subject;
        this.summary = summary;
        this.beforeJson = beforeJson;
        this.afterJson = afterJson;
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getKind() { return kind; }
    public String getSubject() { return subject; }
    public String getSummary() { return summary; }
    public @Nullable String getBeforeJson() { return beforeJson; }
    public @Nullable String getAfterJson() { return afterJson; }
}
