package io.sessionlens.importer.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an upload is, told from its first bytes: users rename files, so the name proves nothing. */
enum ContentKind {
    ZIP, GZIP, UTF8_TEXT,
    /** UTF-16 or UTF-32 text, as Windows PowerShell writes redirected output. Jackson decodes it itself. */
    WIDE_TEXT,
    /** Anything else that is not text: named by {@link #nameOfBinary}, never handed to the JSON parser. */
    BINARY;

    /** Enough for every signature below (tar's "ustar" ends at byte 262) and to tell text from binary data. */
    static final int MAGIC_LENGTH = 265;

    static ContentKind of(byte[] head) {
        int b0 = at(head, 0);
        int b1 = at(head, 1);
        if (b0 == 'P' && b1 == 'K' && isZipSignature(at(head, 2), at(head, 3))) return ZIP;
        if (b0 == 0x1f && b1 == 0x8b) return GZIP;
        if ((b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe)) return WIDE_TEXT;
        if (nameOfBinary(head) != null) return BINARY;
        if (head.length >= 2 && (b0 == 0 || b1 == 0)) return WIDE_TEXT;
        if (!looksLikeText(head)) return BINARY;
        return UTF8_TEXT;
    }

    /** Well-known file types people drop by mistake, by their signature: "a PNG image", or null. */
    static @Nullable String nameOfBinary(byte[] head) {
        for (Signature s : SIGNATURES) if (s.matches(head)) return s.name();
        return null;
    }

    /** What the import says about a file that is not text. */
    static String describeBinary(byte[] head) {
        String name = nameOfBinary(head);
        return name == null
                ? "this is binary data, not an MLflow export (JSON, JSON Lines, or a .zip/.gz of them)"
                : "this is " + name + ", not an MLflow export (JSON, JSON Lines, or a .zip/.gz of them)";
    }

    private record Signature(String name, int offset, byte[] bytes) {
        Signature(String name, int... bytes) {
            this(name, 0, toBytes(bytes));
        }

        boolean matches(byte[] head) {
            if (head.length < offset + bytes.length) return false;
            for (int i = 0; i < bytes.length; i++) if (head[offset + i] != bytes[i]) return false;
            return true;
        }

        private static byte[] toBytes(int... values) {
            byte[] b = new byte[values.length];
            for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
            return b;
        }
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature("a PNG image", 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a),
            new Signature("a JPEG image", 0xff, 0xd8, 0xff),
            new Signature("a GIF image", 'G', 'I', 'F', '8'),
            new Signature("a WebP image", 8, "WEBP".getBytes(StandardCharsets.US_ASCII)),
            new Signature("a PDF document", '%', 'P', 'D', 'F', '-'),
            new Signature("a 7-Zip archive", '7', 'z', 0xbc, 0xaf, 0x27, 0x1c),
            new Signature("a RAR archive", 'R', 'a', 'r', '!', 0x1a, 0x07),
            new Signature("a bzip2 archive", 'B', 'Z', 'h'),
            new Signature("an xz archive", 0xfd, '7', 'z', 'X', 'Z', 0x00),
            new Signature("a Zstandard archive", 0x28, 0xb5, 0x2f, 0xfd),
            new Signature("an SQLite database", 0, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII)),
            new Signature("a Parquet file", 'P', 'A', 'R', '1'),
            new Signature("an Excel/Office document (OLE)", 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
            new Signature("a Linux program (ELF)", 0x7f, 'E', 'L', 'F'),
            new Signature("a Windows program", 'M', 'Z'),
            new Signature("a Java class file", 0xca, 0xfe, 0xba, 0xbe),
            new Signature("a Python pickle", 0x80, 0x04, 0x95),
            new Signature("an MP4/MOV video", 4, "ftyp".getBytes(StandardCharsets.US_ASCII)),
            new Signature("a tar archive (SessionLens reads .zip and .gz, not .tar)", 257,
                    "ustar".getBytes(StandardCharsets.US_ASCII)));

    /**
     * Text, as far as the first bytes tell: no control characters other than tab, line feed, carriage return and form
     * feed (JSON allows none of them outside strings, and inside strings only escaped). Bytes that are not UTF-8 are
     * left to the JSON reader, which names the encoding problem.
     */
    static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f) return false;
        }
        return true;
    }

    /** Local file header, empty archive, or spanned archive. */
    private static boolean isZipSignature(int b2, int b3) {
        return (b2 == 3 && b3 == 4) || (b2 == 5 && b3 == 6) || (b2 == 7 && b3 == 8);
    }

    /** Up to {@link #MAGIC_LENGTH} first bytes, left in the stream so the reader still sees them. */
    static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(MAGIC_LENGTH);
        byte[] head = new byte[MAGIC_LENGTH];
        int n = 0;
        while (n < head.length) {
            int r = in.read(head, n, head.length - n);
            if (r < 0) break;
            n += r;
        }
        in.reset();
        return Arrays.copyOf(head, n);
    }

    private static int at(byte[] head, int i) {
        return i < head.length ? head[i] & 0xff : -1;
    }
}
