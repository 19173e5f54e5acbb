package io.sessionlens.demodata;

import io.sessionlens.demodata.container.SearchEnvelope;
import io.sessionlens.demodata.container.SingleTraceDocument;
import io.sessionlens.demodata.dialect.Dialect;
import io.sessionlens.demodata.scenario.GenericScripts;
import io.sessionlens.demodata.scenario.HugeTrace;
import io.sessionlens.demodata.scenario.SessionAssembler;
import io.sessionlens.demodata.trace.DemoTrace;
import io.sessionlens.demodata.trace.IdSource;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The large inputs of tests and benches: a bulk export, one long session, one huge trace. They live in the test tree
 * (shipped to the app's tests as this module's test jar) because the product never writes them; decision record 009.
 * The same seed and base time give byte-identical output; writers stream, so memory stays flat.
 */
public final class BenchExports {
    /** Stable offsets so that each output kind draws its own random sequence from the same seed. */
    private static final long BULK_STREAM = 0xB01CL;
    private static final long LONG_STREAM = 0x10E6L;

    private final long seed;
    private final Instant baseTime;

    public BenchExports(long seed, Instant baseTime) {
        this.seed = seed;
        this.baseTime = baseTime;
    }

    /**
     * A {@code mlflow traces search --output json} envelope (MLflow ≥3.6) with {@code sessions × turnsPerSession}
     * traces, each of exactly {@code spansPerTurn} spans (at least 2: the root and a model call). Negative counts
     * are read as zero.
     */
    public void writeBulkExport(OutputStream out, int sessions, int turnsPerSession, int spansPerTurn) {
        writeBulkExport(out, 0, sessions, turnsPerSession, spansPerTurn);
    }

    /**
     * Sessions {@code first} to {@code first + sessions - 1} of the bulk series, so a big database can be written file
     * by file: each range draws its ids from its own random sequence, and the same range always writes the same file.
     */
    public void writeBulkExport(OutputStream out, int first, int sessions, int turnsPerSession, int spansPerTurn) {
        int sessionCount = Math.max(0, sessions);
        int turns = Math.max(0, turnsPerSession);
        int start = Math.max(0, first);
        long stream = start == 0 ? BULK_STREAM : BULK_STREAM ^ (0x9E3779B97F4A7C15L * start);
        SessionAssembler assembler = new SessionAssembler(new IdSource(new Random(seed ^ stream)));
        Iterable<DemoTrace> traces = () -> new SessionByTurns(sessionCount, i -> assembler
                .assemble(GenericScripts.bulkSession(start + i, turns, spansPerTurn), baseTime).traces());
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
        new SingleTraceDocument().write(out, Dialect.MLFLOW_3_6_PLUS,
                List.of(HugeTrace.of(traceId, spans, baseTime, seed)));
    }

    /** Assembles one session at a time and hands out its traces, so only one session is ever in memory. */
    private static final class SessionByTurns implements Iterator<DemoTrace> {
        private final int sessions;
        private final IntFunction<List<DemoTrace>> assemble;
        private int nextSession;
        private Iterator<DemoTrace> current = Collections.emptyIterator();

        SessionByTurns(int sessions, IntFunction<List<DemoTrace>> assemble) {
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
