package io.sessionlens.importer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far a running import is, updated by the import as it reads and stores and read by whoever shows it (the import
 * page polls it): the file being read, the traces read so far and the traces stored so far, over all its files.
 */
public final class ImportProgress {
    private final AtomicReference<String> file = new AtomicReference<>("");
    private final AtomicInteger read = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();

    public String file() {
        return file.get();
    }

    public int tracesRead() {
        return read.get();
    }

    public int tracesStored() {
        return stored.get();
    }

    void reading(String fileName) {
        file.set(fileName);
    }

    void traceRead() {
        read.incrementAndGet();
    }

    void stored(int traces) {
        stored.addAndGet(traces);
    }
}
