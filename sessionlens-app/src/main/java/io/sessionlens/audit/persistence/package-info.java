/** Internal: the audit table. */
@NullMarked
package io.sessionlens.audit.persistence;

import org.jspecify.annotations.NullMarked;
