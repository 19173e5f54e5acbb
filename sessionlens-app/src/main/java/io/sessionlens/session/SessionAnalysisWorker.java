package io.sessionlens.session;

import io.sessionlens.trace.SessionRef;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Analyses the sessions that wait for it, a batch at a time, on one background thread: after imports, and on start
 * for sessions an older analyser version wrote. One thread so an analysis never competes with more than one import
 * or page for the two cores of a small server; a session opened while waiting is analysed at once by its reader.
 */
@Component
public class SessionAnalysisWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SessionAnalysisWorker.class);
    static final int BATCH = 100;
    private static final Duration BACKSTOP = Duration.ofSeconds(30);

    private final SessionIndexer indexer;
    private final io.sessionlens.trace.TraceStore store;
    private final Object lock = new Object();
    private boolean wakeRequested = true;
    private boolean idle;
    private volatile @Nullable Thread thread;
    /** Stopping is a flag, never an interrupt: an interrupt during file IO closes H2's file channel. */
    private volatile boolean stopping;

    SessionAnalysisWorker(SessionIndexer indexer, io.sessionlens.trace.TraceStore store) {
        this.indexer = indexer;
        this.store = store;
    }

    /** Published once the queued rows are committed (never inside a transaction that could still roll back). */
    @org.springframework.context.event.EventListener
    void onQueued(SessionIndexer.SessionsQueued event) {
        wake();
    }

    public void wake() {
        synchronized (lock) {
            wakeRequested = true;
            idle = false;
            lock.notifyAll();
        }
    }

    /** How many sessions wait for their analysis (shown in the sessions list). */
    public long waiting() {
        return indexer.waitingCount();
    }

    /** Blocks until nothing waits for analysis; false when the time ran out first. For tests, benches and the demo. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!(idle && !wakeRequested)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    private void run() {
        while (!stopping) {
            synchronized (lock) {
                wakeRequested = false;
            }
            boolean more;
            try {
                more = analyseNextBatch();
            } catch (RuntimeException e) {
                if (stopping) return;
                log.error("background session analysis failed; retrying in {}", BACKSTOP, e);
                more = false;
            }
            if (more) continue;
            synchronized (lock) {
                if (wakeRequested || stopping) continue;
                idle = true;
                lock.notifyAll();
                try {
                    lock.wait(BACKSTOP.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (!wakeRequested) wakeRequested = true;   // the backstop: look again after a quiet while
                idle = false;
            }
        }
    }

    /** True when a batch was worked on (there may be more), or when an import is under way (look again soon). */
    private boolean analyseNextBatch() {
        if (store.bulkWriteUnderWay()) {   // an import runs: it gets the cores and the database; sessions opened meanwhile are analysed on read
            sleep(200);
            return true;
        }
        List<SessionRef> batch = indexer.waiting(BATCH);
        if (batch.isEmpty()) return false;
        try {
            indexer.analyse(batch);
        } catch (RuntimeException batchFailure) {
            // An import changed one of them meanwhile, or one session breaks the write: go one by one.
            for (SessionRef ref : batch) {
                if (stopping) return false;
                try {
                    indexer.analyse(List.of(ref));
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    // still waiting; the next round reads what the import wrote
                } catch (RuntimeException e) {
                    log.error("analysis of session {} / {} failed; it is kept without analysis", ref.experimentId(), ref.sessionId(), e);
                    indexer.giveUp(ref);
                }
            }
        }
        return true;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    @Override
    public void start() {
        stopping = false;
        thread = Thread.ofPlatform().name("session-analysis").daemon(true).start(this::run);
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t == null) return;
        stopping = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            t.join(Duration.ofSeconds(30));   // at most the batch in hand
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
