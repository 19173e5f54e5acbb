package io.sessionlens.investigation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of the investigations list. Equal by id, so a refreshed grid keeps its selection. */
public record InvestigationSummary(long id, String title, InvestigationStatus status, String owner,
        @Nullable String rootCauseKind, int pins, int sessions, Instant updatedAt) {

    @Override
    public boolean equals(Object o) {
        return o instanceof InvestigationSummary s && s.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
