package io.sessionlens.trace.model;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Normalises span and OTel trace ids to lowercase hex, whatever MLflow version wrote them: hex (2.x, 3.5),
 * {@code 0x}-prefixed hex (≤2.21), base64 of the raw bytes (3.0–3.4, ≥3.6).
 */
public final class SpanIds {
    private SpanIds() {}

    /** Null for a blank id (3.0–3.4 wrote {@code ""} for a root's parent). */
    public static @Nullable String normalize(@Nullable String raw) {
        if (raw == null) return null;
        String s = raw.trim();
        if (s.isEmpty()) return null;
        if (s.startsWith("0x") || s.startsWith("0X")) s = s.substring(2);
        if (s.startsWith("tr-")) s = s.substring(3);
        if (isHex(s) && (s.length() == 16 || s.length() == 32)) return s.toLowerCase(Locale.ROOT);
        try {
            byte[] bytes = Base64.getDecoder().decode(s);
            if (bytes.length > 0) return HexFormat.of().formatHex(bytes);
        } catch (IllegalArgumentException notBase64) {
            // fall through: keep the id readable rather than lose the span
        }
        return isHex(s) ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** Hex id → base64, as MLflow ≥3.6 writes span ids; ids that are not hex stay as they are. */
    public static String toBase64(String hex) {
        if (!isHex(hex) || hex.length() % 2 != 0) return hex;
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    private static boolean isHex(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) return false;
        }
        return true;
    }
}
