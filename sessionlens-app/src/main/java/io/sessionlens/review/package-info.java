/**
 * Review queues (issue #12): a manager's snapshot of the sessions a filter matched, answered one at a time by the
 * queue's reviewers in a focus view, with item locks taken in the database, agreement figures and adjudication.
 * Depends on {@code session} (sessions, the human verdict, the turn cards), never the other way.
 */
@NullMarked
package io.sessionlens.review;

import org.jspecify.annotations.NullMarked;
