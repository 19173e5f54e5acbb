package io.sessionlens.investigation;

import org.jspecify.annotations.Nullable;

/** The list's filters; null (or blank) matches every investigation. {@code experiment}: has evidence from it. */
public record InvestigationFilter(@Nullable InvestigationStatus status, @Nullable String owner,
        @Nullable String experiment, @Nullable String kind) {
    public static final InvestigationFilter ALL = new InvestigationFilter(null, null, null, null);
}
