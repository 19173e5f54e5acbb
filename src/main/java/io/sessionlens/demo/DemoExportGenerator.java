package io.sessionlens.demo;

/** STUB — replaced by the demo branch. */
public final class DemoExportGenerator {
    public DemoExportGenerator(long seed, java.time.Instant baseTime) {}

    public void writeBulkExport(java.io.OutputStream out, int sessions, int turns, int spans) {}

    public DemoCorpus writeDemoSet(java.nio.file.Path dir) {
        return new DemoCorpus(java.util.List.of());
    }
}
