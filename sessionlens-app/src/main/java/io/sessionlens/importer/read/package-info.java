/**
 * Reads MLflow trace exports, whatever MLflow version, container or REST form wrote them, into the pure trace model.
 * Pure: Jackson in, {@code io.sessionlens.trace.model} records out, no Spring. The entry point is {@link
 * io.sessionlens.importer.read.ExportReader}; everything else here is internal to it.
 */
@NullMarked
package io.sessionlens.importer.read;

import org.jspecify.annotations.NullMarked;
