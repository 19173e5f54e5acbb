package io.sessionlens.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which sessions the overview counts: an experiment (or all) and a period of UTC days, both ends included, read from
 * the page's and the API's parameters: {@code experimentId} (or {@code experiment}), {@code from}/{@code to}
 * ({@code 2026-03-02}), or {@code period=7d|30d|all}. Without any, the last 30 days. Parsing never throws: what it
 * cannot read is a problem naming the parameter.
 */
public record OverviewPeriod(@Nullable String experimentId, @Nullable Preset preset, @Nullable LocalDate from,
        @Nullable LocalDate to) {
    /** The longest period the overview reads at once, in days: 10 years. */
    public static final int MAX_DAYS = 3660;

    public enum Preset {
        LAST_7_DAYS("7d", 7), LAST_30_DAYS("30d", 30), ALL("all", 0);

        private final String wire;
        private final int days;

        Preset(String wire, int days) {
            this.wire = wire;
            this.days = days;
        }

        public String wire() {
            return wire;
        }

        static Optional<Preset> ofWire(String s) {
            for (Preset p : values())
                if (p.wire.equals(s.toLowerCase(Locale.ROOT))) return Optional.of(p);
            return Optional.empty();
        }
    }

    public record Parsed(OverviewPeriod period, List<String> problems) {
        public String message() {
            return String.join("; ", problems);
        }
    }

    public static OverviewPeriod preset(@Nullable String experimentId, Preset preset) {
        return new OverviewPeriod(experimentId, preset, null, null);
    }

    public static Parsed parse(@Nullable String experimentId, @Nullable String period, @Nullable String from,
            @Nullable String to) {
        List<String> problems = new ArrayList<>();
        String exp = experimentId == null || experimentId.isBlank() ? null : experimentId.strip();
        LocalDate f = day("from", from, problems);
        LocalDate t = day("to", to, problems);
        if (f != null && t != null && t.isBefore(f)) {
            problems.add("to: " + t + " is before from=" + f);
            t = null;
        }
        if (f != null && t != null && ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
            problems.add("from/to: at most " + MAX_DAYS + " days at once");
            f = t.minusDays(MAX_DAYS - 1);
        }
        Preset preset = null;
        if (period != null && !period.isBlank()) {
            preset = Preset.ofWire(period.strip()).orElse(null);
            if (preset == null) problems.add("period: '" + period + "' is not 7d, 30d or all");
        }
        if (f == null && t == null && preset == null) preset = Preset.LAST_30_DAYS;
        return new Parsed(new OverviewPeriod(exp, f != null || t != null ? null : preset, f, t), problems);
    }

    private static @Nullable LocalDate day(String key, @Nullable String s, List<String> problems) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            problems.add(key + ": '" + s + "' is not a day: write 2026-03-02 (a UTC day)");
            return null;
        }
    }

    /** The first and last day (both included), given today and the first day with data. */
    public LocalDate[] resolve(LocalDate today, @Nullable LocalDate firstDay) {
        if (preset != null) {
            return switch (preset) {
                case ALL -> new LocalDate[]{firstDay == null || firstDay.isAfter(today) ? today : firstDay, today};
                default -> new LocalDate[]{today.minusDays(preset.days - 1L), today};
            };
        }
        LocalDate t = to != null ? to : today;
        LocalDate f = from != null ? from : t.minusDays(29);
        if (f.isAfter(t)) f = t;
        return new LocalDate[]{f, t};
    }

    public static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
