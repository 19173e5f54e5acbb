package io.sessionlens.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One write as the audit log shows it: who ({@code actor}, a user name or {@code system}), when, what kind (see
 * {@link AuditLog} for the kinds), on what ({@code subject}: an experiment id, a user name, file names …), a sentence,
 * and for settings (later verdicts) the JSON before and after.
 */
public record AuditEntry(long id, Instant at, String actor, String kind, String subject, String summary,
        @Nullable String before, @Nullable String after) {}
