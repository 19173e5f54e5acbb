/**
 * Decoding of MLflow's JSON-encoded attribute values (try JSON, else keep the raw string).
 */
@NullMarked
package io.sessionlens.analysis.json;

import org.jspecify.annotations.NullMarked;
