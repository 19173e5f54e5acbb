-- Issue #10: a session whose import was interrupted (the server stopped mid-import) is marked until an import that
-- finishes stores its traces again. NULL: nothing pending; IMPORTING: an import is storing its traces now;
-- INTERRUPTED: the server stopped while it was IMPORTING (set at the next start). Decision record 025.
ALTER TABLE session_index ADD COLUMN import_state VARCHAR(16);
CREATE INDEX session_index_import_state ON session_index (import_state);
