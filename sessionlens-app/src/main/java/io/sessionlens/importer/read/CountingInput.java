package io.sessionlens.importer.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that hands every read's byte count to {@link #counted}, where a subclass adds it up and enforces its limit. */
public abstract class CountingInput extends FilterInputStream {

    protected CountingInput(InputStream in) {
        super(in);
    }

    /** Called after each read that returned bytes; may throw to stop the read at a limit. */
    protected abstract void counted(int bytes) throws IOException;

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counted(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) counted(n);
        return n;
    }
}
