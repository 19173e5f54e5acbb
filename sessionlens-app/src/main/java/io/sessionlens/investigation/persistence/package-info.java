/** Internal: the investigation tables (V34). Only the investigation service uses them. */
@NullMarked
package io.sessionlens.investigation.persistence;

import org.jspecify.annotations.NullMarked;
