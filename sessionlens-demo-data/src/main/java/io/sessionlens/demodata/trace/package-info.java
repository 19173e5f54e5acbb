/** A dialect-neutral description of a generated trace: what happened, before any MLflow version spells it. */
@NullMarked
package io.sessionlens.demodata.trace;

import org.jspecify.annotations.NullMarked;
