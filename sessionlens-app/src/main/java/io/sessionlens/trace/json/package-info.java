/** Writes the trace model back as MLflow ≥3.6 {@code mlflow traces get} JSON. */
@NullMarked
package io.sessionlens.trace.json;

import org.jspecify.annotations.NullMarked;
