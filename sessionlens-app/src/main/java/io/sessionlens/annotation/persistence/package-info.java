/** Annotations: persistence. Internal to the annotation feature. */
@NullMarked
package io.sessionlens.annotation.persistence;

import org.jspecify.annotations.NullMarked;
