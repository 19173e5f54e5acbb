/** The trace feature: storing and reading imported MLflow traces. Its root package is its API. */
@NullMarked
package io.sessionlens.trace;

import org.jspecify.annotations.NullMarked;
