/**
 * Investigations (issue #13, decision records 036–038): a question a team works on together, with evidence pinned from
 * sessions, turns and spans, a conclusion, exports and a read-only share link. Public API: {@link InvestigationService}
 * and its records; other features reach it only through {@code base.ui.EvidencePins}.
 */
@NullMarked
package io.sessionlens.investigation;

import org.jspecify.annotations.NullMarked;
