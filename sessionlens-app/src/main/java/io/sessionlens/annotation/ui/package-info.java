/** Annotations: ui. Internal to the annotation feature. */
@NullMarked
package io.sessionlens.annotation.ui;

import org.jspecify.annotations.NullMarked;
