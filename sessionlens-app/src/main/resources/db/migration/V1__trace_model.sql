-- The trace model. Written for both H2 (default, file mode) and PostgreSQL (team server):
-- only types both understand (VARCHAR, TEXT via CLOB alias, BIGINT, TIMESTAMP WITH TIME ZONE, BOOLEAN).

CREATE TABLE trace_record (
    trace_id          VARCHAR(400)  NOT NULL PRIMARY KEY,
    experiment_id     VARCHAR(400)  NOT NULL,
    session_id        VARCHAR(400),             -- NULL: the trace had no mlflow.trace.session
    session_key       VARCHAR(400)  NOT NULL,   -- session id, or the trace id for a trace without one
    request_time      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    duration_ms       BIGINT,
    state             VARCHAR(32)   NOT NULL,
    user_id           VARCHAR(400),
    trace_name        VARCHAR(1000),
    client_request_id VARCHAR(400),
    request_preview   TEXT,
    response_preview  TEXT,
    metadata_json     TEXT          NOT NULL,
    tags_json         TEXT          NOT NULL,
    span_count        INTEGER       NOT NULL,
    error_span_count  INTEGER       NOT NULL,
    input_tokens      BIGINT        NOT NULL,
    output_tokens     BIGINT        NOT NULL,
    total_tokens      BIGINT        NOT NULL,
    content_hash      VARCHAR(64)   NOT NULL,
    imported_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX trace_record_session ON trace_record (experiment_id, session_key, request_time);

CREATE TABLE span_record (
    trace_id        VARCHAR(400)  NOT NULL REFERENCES trace_record (trace_id) ON DELETE CASCADE,
    span_id         VARCHAR(128)  NOT NULL,
    parent_span_id  VARCHAR(128),
    seq             INTEGER       NOT NULL,     -- position in the export, so a re-export keeps the order
    name            VARCHAR(2000) NOT NULL,
    span_type       VARCHAR(200)  NOT NULL,
    start_ns        BIGINT        NOT NULL,
    end_ns          BIGINT,
    status          VARCHAR(8)    NOT NULL,
    status_message  TEXT,
    has_error       BOOLEAN       NOT NULL,
    attributes_json TEXT          NOT NULL,     -- JSON object: attribute key -> raw stored string
    events_json     TEXT          NOT NULL,     -- JSON array of {name, time_unix_nano, attributes}
    PRIMARY KEY (trace_id, span_id)
);
CREATE INDEX span_record_children ON span_record (trace_id, parent_span_id, start_ns);

CREATE TABLE assessment_record (
    trace_id       VARCHAR(400)  NOT NULL REFERENCES trace_record (trace_id) ON DELETE CASCADE,
    seq            INTEGER       NOT NULL,
    assessment_id  VARCHAR(400)  NOT NULL,
    name           VARCHAR(1000) NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    span_id        VARCHAR(128),
    source_type    VARCHAR(64)   NOT NULL,
    source_id      VARCHAR(1000),
    value_json     TEXT,
    error_code     VARCHAR(400),
    serialized_format VARCHAR(64),
    serialized_value  TEXT,
    error_message  TEXT,
    error_stack    TEXT,
    rationale      TEXT,
    metadata_json  TEXT          NOT NULL,
    create_time    TIMESTAMP(9) WITH TIME ZONE,
    update_time    TIMESTAMP(9) WITH TIME ZONE,
    session_level  BOOLEAN       NOT NULL,
    valid          BOOLEAN       NOT NULL,
    overrides      VARCHAR(400),
    raw_json       TEXT          NOT NULL,      -- the assessment exactly as imported
    PRIMARY KEY (trace_id, seq)
);
CREATE INDEX assessment_record_name ON assessment_record (name);

-- One row per session, kept current on import so search never groups traces on the fly.
CREATE TABLE session_index (
    experiment_id      VARCHAR(400) NOT NULL,
    session_key        VARCHAR(400) NOT NULL,
    session_id         VARCHAR(400),            -- NULL: a trace without a session id, shown as its own session
    turn_count         INTEGER      NOT NULL,
    first_request_time TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    last_request_time  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    user_id            VARCHAR(400),
    worst_state        VARCHAR(32)  NOT NULL,
    error_turns        INTEGER      NOT NULL,
    input_tokens       BIGINT       NOT NULL,
    output_tokens      BIGINT       NOT NULL,
    total_tokens       BIGINT       NOT NULL,
    total_duration_ms  BIGINT       NOT NULL,
    first_input        TEXT,
    last_output        TEXT,
    search_text        TEXT,                    -- lower-cased turn texts for free-text search
    root_cause_turn    INTEGER,
    root_cause_kind    VARCHAR(64),
    session_judges     TEXT,                    -- JSON list of {name, value, verdict} of session-level judges
    analysis_json      TEXT,                    -- the stored SessionAnalysis
    updated_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (experiment_id, session_key)
);
CREATE INDEX session_index_last ON session_index (last_request_time DESC);
CREATE INDEX session_index_first ON session_index (first_request_time);
CREATE INDEX session_index_user ON session_index (user_id);
CREATE INDEX session_index_state ON session_index (worst_state);
