package io.sessionlens.importer.read;

import io.sessionlens.trace.model.Trace;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Receives what {@link ExportReader} finds in one file, trace by trace, as it reads. */
public interface ReadListener {

    /** A trace that could be read; warnings say what was repaired (orphans → extra roots, duplicate span ids, no spans, ...). */
    void trace(Trace trace, List<String> warnings);

    /**
     * A trace (traceRef = its id if known, else "trace #N" / "line N" / zip entry name + "#N") or, with traceRef null,
     * the whole file could not be read. The message names the defect in words a user understands,
     * e.g. "not JSON: unexpected end of input at line 1, column 29 (the file looks truncated)".
     */
    void problem(@Nullable String traceRef, String message);

    /**
     * Reading of the file (or zip entry) ended early at {@code where} ("trace #5001", or null for the whole file):
     * nothing after that point was read. The message already says why and that the rest was not read. By default it
     * is a problem of the place where reading stopped.
     */
    default void stoppedReading(@Nullable String where, String message) {
        problem(where, message);
    }

    /**
     * An experiment's name, from MLflow's experiment objects ({@code experiments/search} → {@code {"experiments": [...]}},
     * {@code experiments/get} → {@code {"experiment": {...}}}): trace exports carry only the experiment's id.
     */
    default void experimentName(String experimentId, String name) {}
}
