package io.sessionlens.trace.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The 16-byte OpenTelemetry trace id that ≥3.6 span JSON carries (base64) next to MLflow's own trace id.
 *
 * <p>MLflow 3 ids embed it: {@code tr-<32 hex>}, {@code trace:/<location>/<32 hex>}; a 2.x request id is 32 hex
 * itself. The model does not keep the id a span was exported with, because nothing in SessionLens reads it and MLflow
 * identifies a trace by {@code info.trace_id} and the {@code mlflow.traceRequestId} attribute. For an id without 32
 * hex digits (hand-made ids such as {@code tr-test-v3}) a hash of the id stands in: stable across exports, and a valid
 * 16-byte id for MLflow to decode.
 */
final class OtelTraceIds {
    private OtelTraceIds() {}

    static String base64For(String traceId) {
        return Base64.getEncoder().encodeToString(bytesFor(traceId));
    }

    private static byte[] bytesFor(String traceId) {
        String tail = traceId.substring(traceId.lastIndexOf('/') + 1);
        if (tail.startsWith("tr-")) tail = tail.substring(3);
        if (tail.length() == 32 && tail.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.of().parseHex(tail.toLowerCase(Locale.ROOT));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(traceId.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
