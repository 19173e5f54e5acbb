/** The trace (turn) page: a lazy span tree and the selected span's details. Public API: {@link TraceNavigation}. */
@NullMarked
package io.sessionlens.trace.ui;

import org.jspecify.annotations.NullMarked;
