/** Reusable components any feature's view may use. */
@NullMarked
package io.sessionlens.base.ui.component;

import org.jspecify.annotations.NullMarked;
