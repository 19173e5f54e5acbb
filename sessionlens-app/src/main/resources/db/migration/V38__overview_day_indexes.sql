-- The overview recomputes one day of one experiment at a time (RollupStore.recompute). With only the index on
-- first_request_time, H2 chose the primary key's experiment_id prefix and read every session of the experiment for
-- each day: recomputing the days one import batch touched took 20 s and more at 45,000 sessions. This index holds both
-- conditions.
CREATE INDEX session_index_experiment_first ON session_index (experiment_id, first_request_time);

-- The same recomputation reads each session's turn latencies: with duration_ms in the session's index of its traces,
-- it reads them from that index instead of from each trace's row. The index keeps its name and column order.
DROP INDEX trace_record_session;
CREATE INDEX trace_record_session ON trace_record (experiment_id, session_key, request_time, duration_ms);
