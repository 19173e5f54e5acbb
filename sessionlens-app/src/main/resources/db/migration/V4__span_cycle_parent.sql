-- A span on a parent cycle (A -> B -> A, or its own parent) can never be reached from a root. Such spans are stored
-- with parent_span_id NULL, so the span tree shows them as roots (as the import's warning says and MLflow's UI does),
-- and keep the parent the export named here, so the trace is exported and analysed exactly as it was imported.
ALTER TABLE span_record ADD COLUMN cycle_parent_span_id VARCHAR(128);
