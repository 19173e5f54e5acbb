/**
 * Annotations: the beans that put the annotation components on other features' pages (the session page, the trace
 * page) and hand them the services as callbacks. Internal to the annotation feature; decision record 027.
 */
@NullMarked
package io.sessionlens.annotation.page;

import org.jspecify.annotations.NullMarked;
