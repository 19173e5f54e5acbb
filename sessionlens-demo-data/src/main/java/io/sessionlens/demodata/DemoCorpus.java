package io.sessionlens.demodata;

import java.nio.file.Path;
import java.util.List;

/** What {@link DemoExportGenerator#writeDemoSet} wrote: the files, and the sessions they hold with their ground truth. */
public record DemoCorpus(List<Path> files, List<ExpectedSession> sessions) {
    public DemoCorpus {
        files = List.copyOf(files);
        sessions = List.copyOf(sessions);
    }
}
