-- Issue #13: the manager's quality overview reads figures per experiment and UTC day (the day of a session's first
-- turn) from this table instead of scanning the session index on every view. One row per figure: metric names such as
-- sessions, root_cause, kind:tool_error, judge_fail:user_frustration, latency:7 (a turn-latency bucket), see
-- overview/Metrics. Kept current by recomputing the (experiment, day) an index change touched;
-- rebuilt whole at start when overview_rollup_state's version differs from the code's. Decision record 033.
CREATE TABLE overview_rollup (
    experiment_id VARCHAR(400) NOT NULL,
    rollup_day    DATE         NOT NULL,
    metric        VARCHAR(700) NOT NULL,
    n             BIGINT       NOT NULL,
    PRIMARY KEY (experiment_id, rollup_day, metric)
);
CREATE INDEX overview_rollup_day ON overview_rollup (rollup_day);

CREATE TABLE overview_rollup_state (
    id      INTEGER NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL
);

-- The sessions list's failing=JUDGE filter (drill-down from a judge's failure rate): the names of the failing
-- session-level judges as ,"a","b", written with the analysis. Sessions with a failing session judge are queued for the
-- background analysis, which fills the column in.
ALTER TABLE session_index ADD COLUMN failing_judges TEXT;
UPDATE session_index SET analysis_version = 0 WHERE session_judges LIKE '%"verdict":"FAIL"%';
