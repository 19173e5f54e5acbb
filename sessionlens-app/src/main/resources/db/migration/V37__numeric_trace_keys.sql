-- Issue #14: spans and assessments are keyed by a numeric, increasing trace key instead of MLflow's varchar trace id
-- (decision record 042). Random trace ids spread every import's span rows over the whole span primary key and tree
-- index, so the import slowed down as the file grew (page reads) and rewrote pages all over the file (H2 never
-- overwrites a page: 20x dead space during an update-heavy import). With trace_pk, a new trace's spans go to the end of
-- both indexes. MLflow's trace id stays on trace_record as a unique column; everything outside the trace feature still
-- names traces by it (annotations, pins, import history, URLs).
--
-- The tables are rebuilt rather than altered: changing a primary key and foreign keys in place needs vendor-specific
-- constraint names (H2 and PostgreSQL differ), a rebuild is the same plain SQL on both. Traces already stored get
-- negative keys (-n .. -1, in import order), so the sequence starts at 1 on both databases without a vendor-specific
-- "restart with max + 1"; new traces take 1, 2, 3, ...

-- The writer takes a block of 100 keys per call (next value v: keys v .. v + 99).
CREATE SEQUENCE trace_pk_seq START WITH 1 INCREMENT BY 100;

CREATE TABLE trace_record_v37 (
    trace_pk          BIGINT        NOT NULL PRIMARY KEY,
    trace_id          VARCHAR(400)  NOT NULL,
    experiment_id     VARCHAR(400)  NOT NULL,
    session_id        VARCHAR(400),
    session_key       VARCHAR(400)  NOT NULL,
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
-- The keys are numbered in a narrow table first: a window function holds its rows in memory, and a trace row can carry
-- kilobytes of previews and metadata.
CREATE TABLE trace_key_v37 (
    trace_id VARCHAR(400) NOT NULL PRIMARY KEY,
    trace_pk BIGINT       NOT NULL
);
INSERT INTO trace_key_v37 (trace_id, trace_pk)
    SELECT trace_id, ROW_NUMBER() OVER (ORDER BY imported_at, trace_id) - (SELECT COUNT(*) FROM trace_record) - 1
    FROM trace_record;
INSERT INTO trace_record_v37 (trace_pk, trace_id, experiment_id, session_id, session_key, request_time, duration_ms,
        state, user_id, trace_name, client_request_id, request_preview, response_preview, metadata_json, tags_json,
        span_count, error_span_count, input_tokens, output_tokens, total_tokens, content_hash, imported_at)
    SELECT k.trace_pk, t.trace_id, t.experiment_id, t.session_id, t.session_key, t.request_time, t.duration_ms,
        t.state, t.user_id, t.trace_name, t.client_request_id, t.request_preview, t.response_preview, t.metadata_json,
        t.tags_json, t.span_count, t.error_span_count, t.input_tokens, t.output_tokens, t.total_tokens, t.content_hash,
        t.imported_at
    FROM trace_record t JOIN trace_key_v37 k ON k.trace_id = t.trace_id
    ORDER BY k.trace_pk;

CREATE TABLE span_record_v37 (
    trace_pk             BIGINT        NOT NULL REFERENCES trace_record_v37 (trace_pk) ON DELETE CASCADE,
    span_id              VARCHAR(128)  NOT NULL,
    parent_span_id       VARCHAR(128),
    cycle_parent_span_id VARCHAR(128),
    seq                  INTEGER       NOT NULL,
    name                 VARCHAR(2000) NOT NULL,
    span_type            VARCHAR(200)  NOT NULL,
    start_ns             BIGINT        NOT NULL,
    end_ns               BIGINT,
    status               VARCHAR(8)    NOT NULL,
    status_message       TEXT,
    has_error            BOOLEAN       NOT NULL,
    attributes_json      TEXT          NOT NULL,
    events_json          TEXT          NOT NULL,
    PRIMARY KEY (trace_pk, span_id)
);
INSERT INTO span_record_v37 (trace_pk, span_id, parent_span_id, cycle_parent_span_id, seq, name, span_type, start_ns,
        end_ns, status, status_message, has_error, attributes_json, events_json)
    SELECT t.trace_pk, s.span_id, s.parent_span_id, s.cycle_parent_span_id, s.seq, s.name, s.span_type, s.start_ns,
        s.end_ns, s.status, s.status_message, s.has_error, s.attributes_json, s.events_json
    FROM span_record s JOIN trace_record_v37 t ON t.trace_id = s.trace_id
    ORDER BY t.trace_pk, s.seq;

CREATE TABLE assessment_record_v37 (
    trace_pk          BIGINT        NOT NULL REFERENCES trace_record_v37 (trace_pk) ON DELETE CASCADE,
    seq               INTEGER       NOT NULL,
    assessment_id     VARCHAR(400)  NOT NULL,
    name              VARCHAR(1000) NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    span_id           VARCHAR(128),
    source_type       VARCHAR(64)   NOT NULL,
    source_id         VARCHAR(1000),
    value_json        TEXT,
    error_code        VARCHAR(400),
    serialized_format VARCHAR(64),
    serialized_value  TEXT,
    error_message     TEXT,
    error_stack       TEXT,
    rationale         TEXT,
    metadata_json     TEXT          NOT NULL,
    create_time       TIMESTAMP(9) WITH TIME ZONE,
    update_time       TIMESTAMP(9) WITH TIME ZONE,
    session_level     BOOLEAN       NOT NULL,
    valid             BOOLEAN       NOT NULL,
    overrides         VARCHAR(400),
    raw_json          TEXT          NOT NULL,
    PRIMARY KEY (trace_pk, seq)
);
INSERT INTO assessment_record_v37 (trace_pk, seq, assessment_id, name, kind, span_id, source_type, source_id,
        value_json, error_code, serialized_format, serialized_value, error_message, error_stack, rationale,
        metadata_json, create_time, update_time, session_level, valid, overrides, raw_json)
    SELECT t.trace_pk, a.seq, a.assessment_id, a.name, a.kind, a.span_id, a.source_type, a.source_id,
        a.value_json, a.error_code, a.serialized_format, a.serialized_value, a.error_message, a.error_stack, a.rationale,
        a.metadata_json, a.create_time, a.update_time, a.session_level, a.valid, a.overrides, a.raw_json
    FROM assessment_record a JOIN trace_record_v37 t ON t.trace_id = a.trace_id
    ORDER BY t.trace_pk, a.seq;

DROP TABLE trace_key_v37;
DROP TABLE assessment_record;
DROP TABLE span_record;
DROP TABLE trace_record;
ALTER TABLE trace_record_v37 RENAME TO trace_record;
ALTER TABLE span_record_v37 RENAME TO span_record;
ALTER TABLE assessment_record_v37 RENAME TO assessment_record;

CREATE UNIQUE INDEX trace_record_trace_id ON trace_record (trace_id);
CREATE INDEX trace_record_session ON trace_record (experiment_id, session_key, request_time);
CREATE INDEX trace_record_session_key ON trace_record (session_key);
-- Decision 007's covering tree index, now led by the numeric key.
CREATE INDEX span_record_tree ON span_record (trace_pk, parent_span_id, start_ns, span_id, end_ns, has_error);
CREATE INDEX assessment_record_name ON assessment_record (name);
