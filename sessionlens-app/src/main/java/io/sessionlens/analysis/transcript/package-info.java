/**
 * Rebuilds a turn's user and assistant text from its spans, with one normaliser per chat format.
 */
@NullMarked
package io.sessionlens.analysis.transcript;

import org.jspecify.annotations.NullMarked;
