package io.sessionlens.investigation;

import org.jspecify.annotations.Nullable;

/**
 * A change to an investigation; a null field stays as it is ({@code rootCauseKind} blank removes the kind).
 * {@code version}: the version the editor saw; null for "whatever stands" (automation).
 */
public record InvestigationEdit(@Nullable String title, @Nullable String hypothesis, @Nullable String status,
        @Nullable String conclusion, @Nullable String rootCauseKind, @Nullable Long version) {}
