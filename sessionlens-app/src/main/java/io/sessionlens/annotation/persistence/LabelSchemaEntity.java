package io.sessionlens.annotation.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** One label schema of an experiment (migration V31). Options as a JSON list. */
@Entity
@Table(name = "label_schema")
public class LabelSchemaEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    String experimentId;
    String name;
    String title;
    String labelType;
    @Nullable String optionsJson;
    @Nullable Double minValue;
    @Nullable Double maxValue;
    String target;
    @Nullable String instructions;
    @Version long version;

    protected LabelSchemaEntity() {}

    public LabelSchemaEntity(String experimentId) {
        this.experimentId = experimentId;
    }

    public void set(String name, String title, String labelType, @Nullable String optionsJson,
            @Nullable Double minValue, @Nullable Double maxValue, String target, @Nullable String instructions) {
        this.name = name;
        this.title = title;
        this.labelType = labelType;
        this.optionsJson = optionsJson;
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.target = target;
        this.instructions = instructions;
    }

    public Long getId() { return id; }
    public String getExperimentId() { return experimentId; }
    public String getName() { return name; }
    public String getTitle() { return title; }
    public String getLabelType() { return labelType; }
    public @Nullable String getOptionsJson() { return optionsJson; }
    public @Nullable Double getMinValue() { return minValue; }
    public @Nullable Double getMaxValue() { return maxValue; }
    public String getTarget() { return target; }
    public @Nullable String getInstructions() { return instructions; }
    public long getVersion() { return version; }
}
