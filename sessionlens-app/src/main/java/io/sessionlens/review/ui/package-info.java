/** The Review queues pages: the list, a queue with its agreement, the new-queue form and the reviewer's focus view. */
@NullMarked
package io.sessionlens.review.ui;

import org.jspecify.annotations.NullMarked;
