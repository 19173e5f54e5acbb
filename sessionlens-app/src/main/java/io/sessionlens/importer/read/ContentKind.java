package io.sessionlens.importer.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Arrays;

/** What an upload is, told from its first bytes: users rename files, so the name proves nothing. */
enum ContentKind {
    ZIP, GZIP, UTF8_TEXT,
    /** UTF-16 or UTF-32 text, as Windows PowerShell writes redirected output. Jackson decodes it itself. */
    WIDE_TEXT;

    static final int MAGIC_LENGTH = 4;

    static ContentKind of(byte[] head) {
        int b0 = at(head, 0);
        int b1 = at(head, 1);
        if (b0 == 'P' && b1 == 'K' && isZipSignature(at(head, 2), at(head, 3))) return ZIP;
        if (b0 == 0x1f && b1 == 0x8b) return GZIP;
        if ((b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe)) return WIDE_TEXT;
        if (head.length >= 2 && (b0 == 0 || b1 == 0)) return WIDE_TEXT;
        return UTF8_TEXT;
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
