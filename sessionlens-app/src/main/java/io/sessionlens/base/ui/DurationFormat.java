package io.sessionlens.base.ui;

import java.util.Locale;

/**
 * Durations as people read them, with three significant figures: 850 µs, 12.4 ms, 450 ms, 3.21 s, 2 min 05 s. The one
 * duration format of every page (span, turn and session latencies alike), so the same 1.2 s never reads two ways.
 */
public final class DurationFormat {
    private DurationFormat() {}

    public static String ofNanos(long nanos) {
        if (nanos < 1_000_000L) return Math.round(nanos / 1_000.0) + " µs";
        if (nanos < 100_000_000L) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        if (nanos < 1_000_000_000L) return Math.round(nanos / 1e6) + " ms";
        if (nanos < 60_000_000_000L) return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        long seconds = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    public static String ofMillis(long millis) {
        return ofNanos(millis * 1_000_000L);
    }
}
