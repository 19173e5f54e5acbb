/**
 * The manager's quality overview (issue #13): figures per experiment and period from per-day rollups kept current on
 * index changes ({@link io.sessionlens.session.SessionDaysChanged}), with drill-downs into the sessions list.
 */
@NullMarked
package io.sessionlens.overview;

import org.jspecify.annotations.NullMarked;
