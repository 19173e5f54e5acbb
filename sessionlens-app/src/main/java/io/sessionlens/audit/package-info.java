/** The audit log: who changed what and when, with before and after for settings. Other features call {@link io.sessionlens.audit.AuditLog#record}. */
@NullMarked
package io.sessionlens.audit;

import org.jspecify.annotations.NullMarked;
