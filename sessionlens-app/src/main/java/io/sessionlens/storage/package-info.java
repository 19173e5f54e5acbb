/**
 * The embedded database's upkeep: compacting the H2 file when updates have left most of it dead space (issue #10,
 * decision 040). Nothing here runs on PostgreSQL, which vacuums itself.
 */
@NullMarked
package io.sessionlens.storage;

import org.jspecify.annotations.NullMarked;
