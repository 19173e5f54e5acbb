/**
 * Facts read from a turn's spans: error spans, tool calls, retrieved documents and their freshness.
 */
@NullMarked
package io.sessionlens.analysis.evidence;

import org.jspecify.annotations.NullMarked;
