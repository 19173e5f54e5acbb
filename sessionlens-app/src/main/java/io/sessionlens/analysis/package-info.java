/**
 * Session analysis: where a multi-turn chat went wrong. The records here are the feature's API (serialised
 * to JSON as they are); the sub-packages are internal. Pure functions over {@code trace.model}: no Spring, JPA or Vaadin.
 */
@NullMarked
package io.sessionlens.analysis;

import org.jspecify.annotations.NullMarked;
