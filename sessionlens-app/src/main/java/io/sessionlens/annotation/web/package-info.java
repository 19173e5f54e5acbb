/** Annotations: web. Internal to the annotation feature. */
@NullMarked
package io.sessionlens.annotation.web;

import org.jspecify.annotations.NullMarked;
