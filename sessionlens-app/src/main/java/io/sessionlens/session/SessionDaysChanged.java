package io.sessionlens.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Published inside the transaction that changed what the session index says about sessions that started on these days
 * (counts written on import, an analysis stored, a human verdict given or withdrawn, a session deleted): a session
 * belongs to the UTC day of its first turn. Listeners that keep figures per day (the overview's rollups) recompute
 * those days after the commit.
 */
public record SessionDaysChanged(Set<Day> days) {
    public SessionDaysChanged {
        days = Set.copyOf(days);
    }

    /** An experiment's UTC day. */
    public record Day(String experimentId, LocalDate day) {
        public static Day of(String experimentId, Instant firstRequest) {
            return new Day(experimentId, LocalDate.ofInstant(firstRequest, ZoneOffset.UTC));
        }
    }
}
