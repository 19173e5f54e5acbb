/** The importer: reads MLflow exports of every dialect and hands the traces to the trace store. */
@NullMarked
package io.sessionlens.importer;

import org.jspecify.annotations.NullMarked;
