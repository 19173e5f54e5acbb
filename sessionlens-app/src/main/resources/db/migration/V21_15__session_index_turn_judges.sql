-- The sessions list filters on per-turn judges too (issue #11: correctness=no found no session while two turns failed
-- it). turn_judges: JSON list of {name, value, verdict, turns} of the per-turn judges, written with the analysis.
-- Sessions analysed before this column existed are queued again (analysis_version 0), so the background analysis fills
-- it in; until then they keep showing their earlier analysis. Version 21.15 (decision record 015) to stay clear of the
-- migrations other branches add.
ALTER TABLE session_index ADD COLUMN turn_judges TEXT;
UPDATE session_index SET analysis_version = 0;
