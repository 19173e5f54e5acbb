-- The session analysis runs in the background after an import (issue #2: an import answers at the speed of storing,
-- not of analysing). analysis_version: 0 = waiting for analysis; otherwise the analyser version that wrote
-- analysis_json, so raising SessionAnalyzer's version re-analyses every stored session on the next start.
-- generation: optimistic lock; an import that touches a session while it is being analysed wins, and the session
-- stays queued.
ALTER TABLE session_index ADD COLUMN analysis_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session_index ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
CREATE INDEX session_index_analysis ON session_index (analysis_version);
