/**
 * Finds the earliest turn whose evidence explains a failed session, and the turns that built on it.
 */
@NullMarked
package io.sessionlens.analysis.rootcause;

import org.jspecify.annotations.NullMarked;
