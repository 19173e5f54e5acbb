package io.sessionlens.trace.ui;

import java.util.Locale;

/** Span and trace durations as people read them: 850 µs, 12.4 ms, 3.21 s, 2 min 05 s. */
final class DurationFormat {
    private DurationFormat() {}

    static String ofNanos(long nanos) {
        if (nanos < 1_000_000L) return Math.round(nanos / 1_000.0) + " µs";
        if (nanos < 100_000_000L) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        if (nanos < 1_000_000_000L) return Math.round(nanos / 1e6) + " ms";
        if (nanos < 60_000_000_000L) return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        long seconds = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    static String ofMillis(long millis) {
        return ofNanos(millis * 1_000_000L);
    }
}
