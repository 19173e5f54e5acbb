package io.sessionlens.investigation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An investigation as the page, the API and the reports show it. {@code conclusion} is Markdown (shown sanitized);
 * {@code rootCauseKind} a root-cause kind's wire name or null; {@code participants}: the owner, everyone who edited it
 * and everyone who pinned evidence; {@code version} the optimistic-lock version an edit names; {@code shared}: a
 * read-only link exists. Pins are oldest first.
 */
public record Investigation(long id, String title, String hypothesis, InvestigationStatus status, String owner,
        List<String> participants, String conclusion, @Nullable String rootCauseKind, Instant createdAt,
        Instant updatedAt, String updatedBy, long version, boolean shared, List<Pin> pins) {

    /** The sessions the evidence comes from, in the order first pinned. */
    public List<String> sessionKeys() {
        return pins.stream().map(p -> p.experimentId() + "\u0000" + p.sessionId()).distinct().toList();
    }
}
