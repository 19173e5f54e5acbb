/** The app shell: layout, navigation, error view. */
@NullMarked
package io.sessionlens.base.ui;

import org.jspecify.annotations.NullMarked;
