package io.sessionlens.session;

import io.sessionlens.trace.SessionRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code sessionlens.retention-days}: off (0) by default; when set, the sessions whose last turn is older than that many
 * days are deleted at start and every hour after (scheduling is on through {@code storage.SchedulingConfig}).
 */
@Component
public class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private final SessionCleanup cleanup;
    private final Clock clock;
    private final int days;

    RetentionJob(SessionCleanup cleanup, Clock clock, @Value("${sessionlens.retention-days:0}") int days) {
        this.cleanup = cleanup;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT1H")
    void scheduled() {
        if (days > 0) apply(days);
    }

    /** Deletes the sessions whose last turn is more than {@code retentionDays} days ago; returns how many. */
    public int apply(int retentionDays) {
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        int sessions = 0;
        int traces = 0;
        for (List<SessionRef> batch = cleanup.olderThan(cutoff); !batch.isEmpty(); batch = cleanup.olderThan(cutoff)) {
            SessionCleanup.Deleted d = cleanup.deleteAll(batch);
            sessions += d.sessions();
            traces += d.traces();
            if (d.traces() == 0) break;   // rows without traces (never expected): do not loop over them forever
        }
        if (sessions > 0)
            log.info("Retention ({} days): deleted {} sessions ({} traces) whose last turn was before {}",
                    retentionDays, sessions, traces, cutoff);
        return sessions;
    }
}
