package io.sessionlens.importer.read;

import java.io.InputStream;

/** STUB — replaced by the reader branch. */
public final class ExportReader {
    public void read(String fileName, InputStream in, ReadListener listener) {
        listener.problem(null, "reader not merged yet");
    }
}
