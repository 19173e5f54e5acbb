/** The trace JSON API. */
@NullMarked
package io.sessionlens.trace.web;

import org.jspecify.annotations.NullMarked;
