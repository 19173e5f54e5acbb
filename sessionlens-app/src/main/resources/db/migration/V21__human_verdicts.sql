-- Issue #12: an analyst's verdict on where a session went wrong, which supersedes the automatic one everywhere.
-- root_cause_turn NULL = "no root cause". auto_turn/auto_kind: the automatic verdict when the human one was given,
-- for the agreement figures. session_index.root_cause_turn/kind then hold the human verdict and verdict_source says
-- so; removing the human verdict restores the automatic one from analysis_json. Decision record 026.
CREATE TABLE human_verdict (
    experiment_id    VARCHAR(400) NOT NULL,
    session_key      VARCHAR(400) NOT NULL,
    root_cause_turn  INTEGER,
    root_cause_kind  VARCHAR(64),
    note             TEXT,
    reviewer         VARCHAR(200) NOT NULL,
    decided_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    auto_turn        INTEGER,
    auto_kind        VARCHAR(64),
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (experiment_id, session_key)
);
CREATE INDEX human_verdict_decided ON human_verdict (decided_at);
ALTER TABLE session_index ADD COLUMN verdict_source VARCHAR(8);
