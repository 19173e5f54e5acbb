/**
 * Analysts' annotations on a session, a turn or a span, and the experiment's label schemas they fill (issue #12,
 * decision record 027). The root package is the feature's API: {@link AnnotationService}, {@link LabelSchemaService} and
 * their records; {@code persistence}, {@code web} and {@code ui} are internal.
 */
@NullMarked
package io.sessionlens.annotation;

import org.jspecify.annotations.NullMarked;
