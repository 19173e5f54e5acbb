/** File shapes around traces: one {@code traces get} document, the search envelope, a JSON array, JSON Lines. */
@NullMarked
package io.sessionlens.demodata.container;

import org.jspecify.annotations.NullMarked;
