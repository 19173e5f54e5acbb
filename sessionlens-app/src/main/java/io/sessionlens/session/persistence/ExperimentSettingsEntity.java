package io.sessionlens.session.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "experiment_settings")
public class ExperimentSettingsEntity {
    @Id public String experimentId;
    public String mappingsJson;
    public String polarityJson;
    public Instant updatedAt;

    public ExperimentSettingsEntity() {}
}
