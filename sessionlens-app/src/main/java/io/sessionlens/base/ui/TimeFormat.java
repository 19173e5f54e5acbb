package io.sessionlens.base.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Points in time as every page shows them: in UTC (MLflow records UTC, and analysts in several time zones compare
 * notes), year first. {@link #minutes} is the same format cut to the minute, for grid columns whose header already
 * says "(UTC)".
 */
public final class TimeFormat {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private TimeFormat() {}

    /** {@code 2026-03-02 09:00:05 UTC} */
    public static String of(Instant t) {
        return SECONDS.format(t);
    }

    /** {@code 2026-03-02 09:00} */
    public static String minutes(Instant t) {
        return MINUTES.format(t);
    }
}
