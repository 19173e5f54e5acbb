package io.sessionlens.importer.read;

import io.sessionlens.trace.model.Trace;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the caller's listener so that a failure inside it (a database error, say) is never mistaken for bad content
 * and reported as a problem of the file: {@link ExportReader} unwraps and rethrows it.
 */
final class GuardedListener implements ReadListener {
    private final ReadListener delegate;

    GuardedListener(ReadListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void trace(Trace trace, List<String> warnings) {
        try {
            delegate.trace(trace, List.copyOf(warnings));
        } catch (RuntimeException | Error e) {
            throw new ListenerFailure(e);
        }
    }

    @Override
    public void problem(@Nullable String traceRef, String message) {
        try {
            delegate.problem(traceRef, message);
        } catch (RuntimeException | Error e) {
            throw new ListenerFailure(e);
        }
    }

    @Override
    public void stoppedReading(@Nullable String where, String message) {
        try {
            delegate.stoppedReading(where, message);
        } catch (RuntimeException | Error e) {
            throw new ListenerFailure(e);
        }
    }

    @Override
    public void experimentName(String experimentId, String name) {
        try {
            delegate.experimentName(experimentId, name);
        } catch (RuntimeException | Error e) {
            throw new ListenerFailure(e);
        }
    }

    /** Carries the listener's own exception past the reader's catch blocks. */
    static final class ListenerFailure extends RuntimeException {
        ListenerFailure(Throwable cause) {
            super(cause);
        }
    }
}
