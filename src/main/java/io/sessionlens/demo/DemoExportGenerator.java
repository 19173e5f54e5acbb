package io.sessionlens.demo;

import io.sessionlens.demo.container.SearchEnvelope;
import io.sessionlens.demo.container.SingleTraceDocument;
import io.sessionlens.demo.dialect.Dialect;
import io.sessionlens.demo.scenario.AssembledSession;
import io.sessionlens.demo.scenario.DemoFile;
import io.sessionlens.demo.scenario.DemoSet;
import io.sessionlens.demo.scenario.GenericScripts;
import io.sessionlens.demo.scenario.HugeTrace;
import io.sessionlens.demo.scenario.Script;
import io.sessionlens.demo.scenario.SessionAssembler;
import io.sessionlens.demo.trace.DemoTrace;
import io.sessionlens.demo.trace.IdSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
    private static final long BULK_STREAM = 0xB01CL;
    private static final long LONG_STREAM = 0x10E6L;

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

    /**
     * A {@code mlflow traces search --output json} envelope (MLflow ≥3.6) with {@code sessions × turnsPerSession}
     * traces, each of exactly {@code spansPerTurn} spans (at least 2: the root and a model call). Negative counts
     * are read as zero.
     */
    public void writeBulkExport(OutputStream out, int sessions, int turnsPerSession, int spansPerTurn) {
        int sessionCount = Math.max(0, sessions);
        int turns = Math.max(0, turnsPerSession);
        SessionAssembler assembler = new SessionAssembler(new IdSource(new Random(seed ^ BULK_STREAM)));
        Iterable<DemoTrace> traces = () -> new SessionByTurns(sessionCount,
                i -> assembler.assemble(GenericScripts.bulkSession(i, turns, spansPerTurn), baseTime).traces());
        SearchEnvelope.lastPage().write(out, Dialect.MLFLOW_3_6_PLUS, traces);
    }

    /** One session of {@code turns} turns as a search envelope (MLflow ≥3.6), oldest turn first. */
    public void writeLongSession(OutputStream out, String sessionId, int turns) {
        SessionAssembler assembler = new SessionAssembler(new IdSource(new Random(seed ^ LONG_STREAM)));
        List<DemoTrace> traces = assembler.assemble(GenericScripts.longSession(sessionId, Math.max(0, turns)), baseTime)
                .traces();
        SearchEnvelope.lastPage().write(out, Dialect.MLFLOW_3_6_PLUS, traces);
    }

    /**
     * One {@code mlflow traces get} document (MLflow ≥3.6) with {@code spans} spans (at least 1), a single root and
     * three failing tool spans deep inside. A {@code tr-<32 hex>} id is used as is; any other id keeps its text and
     * gets an OTel trace id derived from it.
     */
    public void writeHugeTrace(OutputStream out, String traceId, int spans) {
        new SingleTraceDocument().write(out, Dialect.MLFLOW_3_6_PLUS, List.of(HugeTrace.of(traceId, spans, baseTime, seed)));
    }

    /** Assembles one session at a time and hands out its traces, so only one session is ever in memory. */
    private static final class SessionByTurns implements Iterator<DemoTrace> {
        private final int sessions;
        private final java.util.function.IntFunction<List<DemoTrace>> assemble;
        private int nextSession;
        private Iterator<DemoTrace> current = Collections.emptyIterator();

        SessionByTurns(int sessions, java.util.function.IntFunction<List<DemoTrace>> assemble) {
            this.sessions = sessions;
            this.assemble = assemble;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && nextSession < sessions) current = assemble.apply(nextSession++).iterator();
            return current.hasNext();
        }

        @Override
        public DemoTrace next() {
            if (!hasNext()) throw new NoSuchElementException();
            return current.next();
        }
    }
}
