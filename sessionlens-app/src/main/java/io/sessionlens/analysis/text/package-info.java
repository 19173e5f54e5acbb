/**
 * Small text measures shared by the checks: distinctive terms, similarity, readable quoting.
 */
@NullMarked
package io.sessionlens.analysis.text;

import org.jspecify.annotations.NullMarked;
