/** Internal: the import history's tables (import_record, import_trace). */
@NullMarked
package io.sessionlens.importer.persistence;

import org.jspecify.annotations.NullMarked;
