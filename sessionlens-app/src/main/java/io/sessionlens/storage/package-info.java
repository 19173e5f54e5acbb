/**
 * Keeping the embedded database file compact: H2's MVStore appends, and under update-heavy imports the file grows many
 * times past its live data. {@link io.sessionlens.storage.StorageUpkeep} compacts it online once imports have been quiet
 * for a while. Decision record 024.
 */
@NullMarked
package io.sessionlens.storage;

import org.jspecify.annotations.NullMarked;
