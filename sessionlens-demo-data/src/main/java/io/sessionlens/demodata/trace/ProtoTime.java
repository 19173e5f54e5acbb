package io.sessionlens.demodata.trace;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Time spelled as protobuf's JSON mapping spells it, which is what MLflow's {@code MessageToDict} produces:
 * RFC 3339 with 0, 3, 6 or 9 fraction digits, and durations such as {@code "2.100s"}.
 */
public final class ProtoTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private ProtoTime() {}

    public static String timestamp(Instant t) {
        return SECONDS.format(t) + fraction(t.getNano()) + "Z";
    }

    /** Protobuf Duration JSON: {@code "2s"}, {@code "2.100s"}, {@code "0.045s"}. */
    public static String duration(long millis) {
        long seconds = millis / 1000;
        int nanos = (int) (millis % 1000) * 1_000_000;
        return seconds + fraction(nanos) + "s";
    }

    private static String fraction(int nanos) {
        if (nanos == 0) return "";
        if (nanos % 1_000_000 == 0) return String.format(".%03d", nanos / 1_000_000);
        if (nanos % 1_000 == 0) return String.format(".%06d", nanos / 1_000);
        return String.format(".%09d", nanos);
    }

    public static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
