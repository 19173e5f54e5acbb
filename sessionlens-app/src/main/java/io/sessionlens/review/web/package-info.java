/** The review queues' JSON API. */
@NullMarked
package io.sessionlens.review.web;

import org.jspecify.annotations.NullMarked;
