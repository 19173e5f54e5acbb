package io.sessionlens.analysis.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a retrieved document's own metadata says it is stale. Only the document's word counts (a status, a
 * successor, an expiry, an old update date): we never guess from the text.
 */
public final class DocumentFreshness {

    private static final Set<String> STALE_STATUSES = Set.of("deprecated", "outdated", "archived", "superseded",
            "obsolete", "retired", "expired", "withdrawn", "legacy");
    private static final List<String> STATUS_KEYS = List.of("status", "state", "lifecycle", "doc_status",
            "document_status");
    private static final List<String> SUCCESSOR_KEYS = List.of("superseded_by", "replaced_by", "successor");
    private static final List<String> FLAG_KEYS = List.of("deprecated", "outdated", "archived", "superseded",
            "obsolete");
    private static final List<String> EXPIRY_KEYS = List.of("valid_until", "expires", "expires_at", "expiry",
            "expiry_date", "expiration_date", "valid_to", "end_date");
    private static final List<String> UPDATED_KEYS = List.of("last_updated", "updated_at", "last_modified",
            "modified_at", "updated", "last_reviewed"); // not created_at: an old document can still be current

    /**
     * A document last touched this long before the conversation is reported: policies, prices and APIs change
     * within a couple of years, and a shorter threshold would flag most of any real knowledge base.
     */
    static final Duration STALE_AFTER = Duration.ofDays(2 * 365);

    private DocumentFreshness() {}

    /** A metadata key as words: "superseded_by" reads "superseded by" in a sentence. */
    private static String words(String key) {
        return key.replace('_', ' ');
    }

    /** Why the document is outdated at {@code asOf}, or empty when its metadata does not say so. */
    public static Optional<String> outdatedReason(Map<String, Object> metadata, Instant asOf) {
        List<String> reasons = new ArrayList<>();
        for (String k : STATUS_KEYS) {
            String v = word(metadata.get(k));
            if (STALE_STATUSES.contains(v)) {
                reasons.add(words(k) + " is " + v);
                break;
            }
        }
        for (String k : FLAG_KEYS) {
            if (isTrue(metadata.get(k))) {
                reasons.add("marked " + words(k));
                break;
            }
        }
        for (String k : SUCCESSOR_KEYS) {
            Object v = metadata.get(k);
            if (v != null && !v.toString().isBlank()) {
                reasons.add(words(k) + " " + v);
                break;
            }
        }
        for (String k : EXPIRY_KEYS) {
            Instant expiry = instant(metadata.get(k));
            if (expiry != null && expiry.isBefore(asOf)) {
                reasons.add(words(k) + " " + metadata.get(k) + ", before the conversation (" + day(asOf) + ")");
                break;
            }
        }
        for (String k : UPDATED_KEYS) {
            Instant updated = instant(metadata.get(k));
            if (updated == null) continue;
            if (Duration.between(updated, asOf).compareTo(STALE_AFTER) > 0) {
                long years = Duration.between(updated, asOf).toDays() / 365;
                reasons.add(words(k) + " " + metadata.get(k) + ", " + years + " years before the conversation");
            }
            break; // the first update date present decides
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static String word(@Nullable Object v) {
        return v == null ? "" : v.toString().trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isTrue(@Nullable Object v) {
        if (v instanceof Boolean b) return b;
        String w = word(v);
        return w.equals("true") || w.equals("yes") || w.equals("1");
    }

    private static String day(Instant i) {
        return i.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** ISO dates and times (zoned or not, read as UTC), a bare year, or epoch seconds / milliseconds. */
    static @Nullable Instant instant(@Nullable Object v) {
        if (v instanceof Number n) return epoch(n.longValue());
        if (!(v instanceof String raw)) return null;
        String s = raw.trim();
        if (s.isEmpty()) return null;
        try {
            if (s.matches("\\d{4}"))
                return LocalDate.of(Integer.parseInt(s), 12, 31).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (s.matches("\\d{9,13}")) return epoch(Long.parseLong(s));
            if (s.matches("\\d{4}-\\d{2}")) return LocalDate.parse(s + "-01").atStartOfDay().toInstant(ZoneOffset.UTC);
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            String iso = s.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:?\\d{2}$")) return OffsetDateTime.parse(iso).toInstant();
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException notADate) {
            return null;
        }
    }

    private static Instant epoch(long n) {
        return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
}
