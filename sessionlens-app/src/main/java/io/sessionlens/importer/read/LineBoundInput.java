package io.sessionlens.importer.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * The upload as the JSON parser sees it. Each read hands out at most one line, so a parser never holds bytes of a
 * line it has not reached yet. That is what lets a JSON Lines file be read line by line with one parser per line: a
 * broken line then costs only itself, because the next line was never swallowed by the broken line's parser.
 *
 * <p>With {@link #lineBound(boolean) lineBound} on, the end of a line reads as the end of the input until
 * {@link #nextLine()} is called.
 */
final class LineBoundInput extends InputStream {
    private final InputStream source;
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] single = new byte[1];
    private int pos;
    private int limit;
    private boolean sourceExhausted;

    private boolean lineBound;
    private boolean lineEndReached;
    private boolean lastHandedOutNewline;
    private long line = 1;
    private long offset;

    LineBoundInput(InputStream source) {
        this.source = source;
    }

    /** Line number (1-based) of the next byte a reader will get. */
    long line() {
        return line;
    }

    /** Offset of the next byte a reader will get. */
    long offset() {
        return offset;
    }

    void lineBound(boolean on) {
        lineBound = on;
        // The parser may already hold the newline of its last line; it must then see the end right away.
        lineEndReached = on && lastHandedOutNewline;
    }

    /** Lets the next line be read after the end of the current one was reported. */
    void nextLine() {
        lineEndReached = false;
    }

    /** True while bytes remain in the whole input, whatever line mode says. */
    boolean hasMore() throws IOException {
        return fill();
    }

    /** Drops what is left of the current line, for example after a parse error in the middle of it. */
    void skipRestOfLine() throws IOException {
        while (!lastHandedOutNewline && fill()) {
            byte b = buffer[pos++];
            offset++;
            if (b == '\n') newlineHandedOut();
        }
        if (lineBound) lineEndReached = true;
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (lineBound && lineEndReached) return -1;
        if (!fill()) return -1;
        int end = Math.min(limit, pos + len);
        for (int i = pos; i < end; i++) {
            if (buffer[i] == '\n') {
                end = i + 1;
                break;
            }
        }
        int n = end - pos;
        System.arraycopy(buffer, pos, target, off, n);
        pos = end;
        offset += n;
        if (buffer[end - 1] == '\n') {
            newlineHandedOut();
        } else {
            lastHandedOutNewline = false;
        }
        return n;
    }

    private void newlineHandedOut() {
        line++;
        lastHandedOutNewline = true;
        if (lineBound) lineEndReached = true;
    }

    private boolean fill() throws IOException {
        while (pos >= limit) {
            if (sourceExhausted) return false;
            int n = source.read(buffer, 0, buffer.length);
            if (n < 0) {
                sourceExhausted = true;
                return false;
            }
            pos = 0;
            limit = n;
        }
        return true;
    }
}
