/** Internal to the trace feature: JPA entities, repositories and the entity ↔ model mapping. */
@NullMarked
package io.sessionlens.trace.persistence;

import org.jspecify.annotations.NullMarked;
