/** Internal: the overview_rollup table, computed from the session index with plain SQL (decision record 033). */
@NullMarked
package io.sessionlens.overview.persistence;

import org.jspecify.annotations.NullMarked;
