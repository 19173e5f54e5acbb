package io.sessionlens.demodata.trace;

import java.util.HexFormat;
import java.util.Random;

/** Seeded random ids, so the same seed writes byte-identical files. */
public final class IdSource {
    private final Random random;

    public IdSource(Random random) {
        this.random = random;
    }

    /** 16 random bytes as 32 lowercase hex digits: an OTel trace id or a 2.x request id. */
    public String traceHex() {
        return hex(16);
    }

    /** 8 random bytes as 16 lowercase hex digits: an OTel span id. */
    public String spanHex() {
        return hex(8);
    }

    public String assessmentId() {
        return "a-" + hex(16);
    }

    public String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A short random alphanumeric token, e.g. for provider response ids ({@code chatcmpl-…}). */
    public String token(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    public Random random() {
        return random;
    }
}
