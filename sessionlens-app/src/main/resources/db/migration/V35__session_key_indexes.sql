-- Issue #14: a session named without its experiment (GET /api/sessions/{id}) looked its experiments up by scanning
-- every trace (2.7 s at 400,000 traces); these make it an index lookup on H2 and PostgreSQL.
CREATE INDEX trace_record_session_key ON trace_record (session_key);
CREATE INDEX session_index_session_key ON session_index (session_key);
