/**
 * Per-turn evidence an analyst can check: errors, failing judges, corrections, repeats, slow turns.
 */
@NullMarked
package io.sessionlens.analysis.signal;

import org.jspecify.annotations.NullMarked;
