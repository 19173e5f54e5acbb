package io.sessionlens.investigation.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Someone who edited an investigation (pinners are read from the pins). */
@Entity
@Table(name = "investigation_participant")
@IdClass(ParticipantEntity.Key.class)
public class ParticipantEntity {
    @Id long investigationId;
    @Id String username;

    protected ParticipantEntity() {}

    public ParticipantEntity(long investigationId, String username) {
        this.investigationId = investigationId;
        this.username = username;
    }

    public String getUsername() { return username; }

    public record Key(long investigationId, String username) implements Serializable {
        public Key() {
            this(0, "");
        }
    }
}
