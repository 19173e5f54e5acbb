package io.sessionlens.session.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An experiment's analyst overrides, each kept as the JSON of its record. */
@Entity
@Table(name = "experiment_settings")
public class ExperimentSettingsEntity {
    @Id String experimentId;
    String mappingsJson;
    String polarityJson;
    Instant updatedAt;

    protected ExperimentSettingsEntity() {}

    public ExperimentSettingsEntity(String experimentId) {
        this.experimentId = experimentId;
    }

    public String getExperimentId() { return experimentId; }
    public String getMappingsJson() { return mappingsJson; }
    public String getPolarityJson() { return polarityJson; }
    public Instant getUpdatedAt() { return updatedAt; }

    public void setMappingsJson(String json) { this.mappingsJson = json; }
    public void setPolarityJson(String json) { this.polarityJson = json; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
