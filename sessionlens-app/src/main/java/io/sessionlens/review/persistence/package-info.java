/** Review queues, items and answers as stored; only {@code review.QueueService} uses them. */
@NullMarked
package io.sessionlens.review.persistence;

import org.jspecify.annotations.NullMarked;
