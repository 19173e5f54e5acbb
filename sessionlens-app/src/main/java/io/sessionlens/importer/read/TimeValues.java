package io.sessionlens.importer.read;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The time and duration spellings MLflow used across versions and APIs. */
final class TimeValues {
    private TimeValues() {}

    /** Protobuf Duration JSON as the REST API writes it: {@code "32.583s"}. */
    private static final Pattern PROTO_DURATION = Pattern.compile("^\\s*(\\d+)(\\.\\d{1,9})?s\\s*$");

    /** Beyond this an epoch value cannot be milliseconds (it would be past the year 5000), so it is micro- or nanoseconds. */
    private static final long MILLIS_UPPER_BOUND = 100_000_000_000_000L;

    /**
     * An instant written as RFC 3339 text (0, 3, 6 or 9 fraction digits; MLflow ≥3) or as epoch milliseconds (2.x
     * {@code timestamp_ms}, sometimes as a string).
     */
    static @Nullable Instant instant(@Nullable JsonNode v) {
        if (v == null) return null;
        Long epoch = Fields.wholeNumber(v);
        if (epoch != null) return fromEpochGuessingUnit(epoch);
        if (!v.isString()) return null;
        String s = v.stringValue().trim();
        try {
            return Instant.parse(s);
        } catch (DateTimeException notRfc3339) {
            try {
                // Hand-made exports write "2025-10-22 04:14:54"; MLflow's own times are UTC.
                return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException notLocal) {
                return null;
            }
        }
    }

    private static Instant fromEpochGuessingUnit(long value) {
        if (Math.abs(value) < MILLIS_UPPER_BOUND) return Instant.ofEpochMilli(value);
        if (Math.abs(value) < MILLIS_UPPER_BOUND * 1000) return Instant.EPOCH.plusNanos(value * 1000);
        return Instant.EPOCH.plusNanos(value);
    }

    /** Milliseconds from a protobuf Duration string ({@code "1.554s"}), or from a plain number of milliseconds. */
    static @Nullable Long durationMillis(@Nullable JsonNode v) {
        if (v == null) return null;
        if (v.isString()) {
            Matcher m = PROTO_DURATION.matcher(v.stringValue());
            if (m.matches()) {
                BigDecimal seconds = new BigDecimal(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
                return seconds.movePointRight(3).longValue();
            }
        }
        return Fields.wholeNumber(v);
    }

    /** Nanoseconds since the epoch of an instant, as span times are kept. */
    static long toNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
