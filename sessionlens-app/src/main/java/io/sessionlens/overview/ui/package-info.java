/** The overview page. */
@NullMarked
package io.sessionlens.overview.ui;

import org.jspecify.annotations.NullMarked;
