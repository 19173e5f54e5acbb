/**
 * MLflow's JSON, both ways: {@link io.sessionlens.trace.json.JsonValues} reads JSON-encoded attribute values (try
 * JSON, else keep the raw string) and {@link io.sessionlens.trace.json.TraceJsonWriter} writes the trace model back as
 * MLflow ≥3.6 {@code mlflow traces get} JSON. Pure: Jackson and the trace model only.
 */
@NullMarked
package io.sessionlens.trace.json;

import org.jspecify.annotations.NullMarked;
