/**
 * Demo-data generator: writes realistic multi-turn chat sessions as MLflow export files, with the ground truth
 * of what went wrong in each. It is an independent producer (like MLflow itself): it never uses the trace
 * model or the importer, so a reader bug cannot hide behind a matching writer bug.
 *
 * <p>Sub-packages are internal: {@code trace} (a dialect-neutral description of a trace), {@code chat} (one
 * class per chat payload convention), {@code dialect} (one writer per MLflow JSON dialect), {@code container}
 * (file shapes) and {@code scenario} (the stories and how a story becomes traces).
 */
@NullMarked
package io.sessionlens.demodata;

import org.jspecify.annotations.NullMarked;
