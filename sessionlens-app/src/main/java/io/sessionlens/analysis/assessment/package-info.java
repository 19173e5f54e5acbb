/**
 * Sorts a session's assessments into session-level, per-turn, history and scorer errors, with verdicts.
 */
@NullMarked
package io.sessionlens.analysis.assessment;

import org.jspecify.annotations.NullMarked;
