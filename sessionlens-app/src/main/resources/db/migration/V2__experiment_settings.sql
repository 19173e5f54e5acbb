-- Analyst overrides per experiment: how turns are read (span + keys) and which judge values are failures.
CREATE TABLE experiment_settings (
    experiment_id  VARCHAR(400) NOT NULL PRIMARY KEY,
    mappings_json  TEXT         NOT NULL,   -- JSON list of {spanName, inputKey, outputKey}
    polarity_json  TEXT         NOT NULL,   -- JSON object: judge name -> list of failing values
    updated_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
