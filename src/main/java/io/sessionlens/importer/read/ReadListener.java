package io.sessionlens.importer.read;

import io.sessionlens.trace.model.Trace;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** STUB — replaced by the reader branch. */
public interface ReadListener {
    void trace(Trace trace, List<String> warnings);

    void problem(@Nullable String traceRef, String message);
}
