package io.sessionlens.trace.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 text the way protobuf's Timestamp JSON (and so MLflow) writes it: 0, 3, 6 or 9 fraction digits, whichever
 * is the shortest exact form. MLflow's request times are whole milliseconds, so they come out as {@code …:54.524Z}.
 */
final class ProtoTimestamps {
    private ProtoTimestamps() {}

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    static String format(Instant t) {
        String base = SECONDS.format(t);
        int nanos = t.getNano();
        if (nanos == 0) return base + "Z";
        if (nanos % 1_000_000 == 0) return base + String.format(".%03dZ", nanos / 1_000_000);
        if (nanos % 1_000 == 0) return base + String.format(".%06dZ", nanos / 1_000);
        return base + String.format(".%09dZ", nanos);
    }
}
