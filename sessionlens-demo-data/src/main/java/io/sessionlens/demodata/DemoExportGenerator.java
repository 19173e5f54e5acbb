package io.sessionlens.demodata;

import io.sessionlens.demodata.scenario.AssembledSession;
import io.sessionlens.demodata.scenario.DemoFile;
import io.sessionlens.demodata.scenario.DemoSet;
import io.sessionlens.demodata.scenario.Script;
import io.sessionlens.demodata.scenario.SessionAssembler;
import io.sessionlens.demodata.trace.IdSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes realistic multi-turn chat sessions as MLflow export files, in every dialect and container SessionLens
 * reads, with the ground truth of what went wrong in each session. The same seed and base time give
 * byte-identical output.
 *
 * <p>Writers stream: traces are produced one at a time and the huge trace span by span, so memory stays flat
 * however large the output. Output streams are flushed but never closed; closing them is the caller's job.
 */
public final class DemoExportGenerator {
    /** Stable offsets so that each output kind draws its own random sequence from the same seed. */
    private static final long DEMO_SET_STREAM = 0x5E55_10E5L;

    private final long seed;
    private final Instant baseTime;

    /** @param baseTime when the first generated session starts; the others follow within a few hours */
    public DemoExportGenerator(long seed, Instant baseTime) {
        this.seed = seed;
        this.baseTime = baseTime;
    }

    /** The standard demo set: writes several files into dir and returns what it wrote, with ground truth. */
    public DemoCorpus writeDemoSet(Path dir) throws IOException {
        Files.createDirectories(dir);
        SessionAssembler assembler = new SessionAssembler(new IdSource(new Random(seed ^ DEMO_SET_STREAM)));
        Map<String, AssembledSession> sessions = new LinkedHashMap<>();
        for (Script script : DemoSet.scripts()) sessions.put(script.key(), assembler.assemble(script, baseTime));
        List<Path> written = new ArrayList<>();
        for (DemoFile file : DemoSet.files(sessions)) {
            Path path = dir.resolve(file.name());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
                file.container().write(out, file.dialect(), file.traces());
            }
            written.add(path);
        }
        List<ExpectedSession> expected = sessions.values().stream().map(AssembledSession::expected).toList();
        return new DemoCorpus(written, expected);
    }

}
