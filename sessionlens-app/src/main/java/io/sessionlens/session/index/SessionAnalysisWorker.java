package io.sessionlens.session.index;

import io.sessionlens.importer.ImportFinished;
import io.sessionlens.importer.ImportStarted;
import io.sessionlens.session.SessionsQueued;
import io.sessionlens.trace.SessionRef;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Analyses the sessions that wait for it, a batch at a time, on one background thread: after imports, and on start for
 * sessions an older analyser version wrote. It wakes on {@link SessionsQueued} and pauses between {@link ImportStarted}
 * and {@link ImportFinished}, so an import gets the two cores of a small server and the database. One thread, so an
 * analysis never competes with more than one import or page; a session opened while waiting is analysed at once by its
 * reader. Decision record 008.
 */
@Component
public class SessionAnalysisWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SessionAnalysisWorker.class);
    static final int BATCH = 100;
    /** After a failure that is not about one session (the database, say): look again after a quiet while. */
    private static final Duration BACKSTOP = Duration.ofSeconds(30);

    private final SessionAnalysisRunner runner;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private boolean running;
    private boolean wakeRequested = true;
    private boolean draining;
    private int importsUnderWay;
    /**
     * Not a bean: a second TaskExecutor bean would replace Spring Boot's application executor (and Vaadin's with it).
     * Its own single thread, shut down without interrupts: an interrupt during file IO closes H2's file channel.
     */
    private @Nullable ThreadPoolTaskExecutor executor;

    SessionAnalysisWorker(SessionAnalysisRunner runner) {
        this.runner = runner;
    }

    @EventListener
    void onQueued(SessionsQueued event) {
        wake();
    }

    @EventListener
    void onImportStarted(ImportStarted event) {
        synchronized (lock) {
            importsUnderWay++;
        }
    }

    @EventListener
    void onImportFinished(ImportFinished event) {
        synchronized (lock) {
            importsUnderWay = Math.max(0, importsUnderWay - 1);
        }
        wake();
    }

    /** Looks for waiting sessions now (what a start does). */
    public void wake() {
        synchronized (lock) {
            wakeRequested = true;
            drainIfDue();
            lock.notifyAll();
        }
    }

    /** Blocks until nothing waits for analysis; false when the time ran out first. For tests, benches and the demo. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (draining || wakeRequested) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** True when no analysis runs or waits to run now (imports paused it or it has nothing to do). */
    public boolean isIdle() {
        synchronized (lock) {
            return !draining && (!wakeRequested || importsUnderWay > 0);
        }
    }

    /** Hands a drain to the executor unless one runs, the worker is stopped or an import is under way. */
    private void drainIfDue() {
        ThreadPoolTaskExecutor ex = executor;
        if (!running || draining || importsUnderWay > 0 || !wakeRequested || ex == null) return;
        try {
            ex.execute(this::drain);
            draining = true;
        } catch (TaskRejectedException shuttingDown) {
            // stopped meanwhile; the next start looks again
        }
    }

    /** Works through the waiting sessions until none is left, the worker stops or an import starts. */
    private void drain() {
        try {
            while (true) {
                synchronized (lock) {
                    if (!running || importsUnderWay > 0) return;
                    wakeRequested = false;
                }
                boolean more;
                try {
                    more = analyseNextBatch();
                } catch (RuntimeException e) {
                    log.error("background session analysis failed; retrying in {}", BACKSTOP, e);
                    if (!pauseAfterFailure()) return;
                    more = true;
                }
                if (!more) {
                    synchronized (lock) {
                        if (!wakeRequested) return;
                    }
                }
            }
        } finally {
            synchronized (lock) {
                draining = false;
                if (importsUnderWay > 0) wakeRequested = true;   // paused, not idle: the import's end wakes it
                drainIfDue();
                lock.notifyAll();
            }
        }
    }

    /** Waits out the backstop unless stopped or woken; false when stopped. */
    private boolean pauseAfterFailure() {
        synchronized (lock) {
            long until = System.nanoTime() + BACKSTOP.toNanos();
            while (running && !wakeRequested) {
                long left = until - System.nanoTime();
                if (left <= 0) break;
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return running;
        }
    }

    /** True when a batch was worked on (there may be more). */
    private boolean analyseNextBatch() {
        List<SessionRef> batch = runner.waiting(BATCH);
        if (batch.isEmpty()) return false;
        try {
            runner.analyse(batch);
        } catch (RuntimeException batchFailure) {
            // An import or a reader wrote one of them meanwhile, or one session breaks the write: go one by one.
            for (SessionRef ref : batch) {
                synchronized (lock) {
                    if (!running) return false;
                }
                try {
                    runner.analyse(List.of(ref));
                } catch (ConcurrencyFailureException writtenMeanwhile) {
                    // still waiting (a changed generation or a row lock): the next round reads what the other wrote
                } catch (RuntimeException e) {
                    log.error("analysis of session {} / {} failed; it is kept without analysis", ref.experimentId(),
                            ref.sessionId(), e);
                    runner.giveUp(ref);
                }
            }
        }
        return true;
    }

    @Override
    public void start() {
        var ex = new ThreadPoolTaskExecutor();
        ex.setCorePoolSize(1);
        ex.setMaxPoolSize(1);
        ex.setThreadNamePrefix("session-analysis-");
        ex.setDaemon(true);
        ex.setWaitForTasksToCompleteOnShutdown(true);
        ex.setAwaitTerminationSeconds(30);   // at most the batch in hand
        ex.initialize();
        synchronized (lock) {
            executor = ex;
            running = true;
            wakeRequested = true;   // on start: sessions an older analyser wrote, and any left waiting
            drainIfDue();
        }
    }

    @Override
    public void stop() {
        ThreadPoolTaskExecutor ex;
        synchronized (lock) {
            ex = executor;
            executor = null;
            running = false;
            lock.notifyAll();
        }
        if (ex != null) ex.shutdown();   // waits for the drain to finish its batch; never interrupts it
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return running;
        }
    }
}
