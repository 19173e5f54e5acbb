package io.sessionlens.overview;

import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.overview.persistence.RollupStore;
import io.sessionlens.session.SessionDaysChanged;
import io.sessionlens.session.SessionDaysChanged.Day;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the per-day rollups current: the days an index change touched are queued after its commit and recomputed in
 * the background (many changes of one import collapse into one recomputation per day); a reader of the overview
 * recomputes what is still queued first, so it never reads a day older than the last commit. At start, rollups written
 * by another {@link Metrics#VERSION} (or none yet) are rebuilt from the whole index.
 *
 * <p>The background recomputation rests {@link #REST_FACTOR} times as long as it last worked (at least
 * {@link #MIN_REST}) before it starts again: an import commits a batch every second or so, each touching many days, and
 * recomputing after every one kept a core busy re-reading those days while the import needed it (at 40,000 sessions
 * the import ran at a third of its speed). Resting bounds the rollups to a fifth of a core, whatever the data; a reader
 * still catches up first, so it never sees less.
 */
@Component
class RollupMaintainer {
    private static final Logger log = LoggerFactory.getLogger(RollupMaintainer.class);

    private final RollupStore store;
    private final LiveUpdates live;
    private final Set<Day> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "overview-rollups");
        t.setDaemon(true);
        return t;
    });
    static final int REST_FACTOR = 4;
    static final Duration MIN_REST = Duration.ofSeconds(1);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long restUntil = System.nanoTime();
    private volatile boolean ready;

    RollupMaintainer(RollupStore store, LiveUpdates live) {
        this.store = store;
        this.live = live;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDaysChanged(SessionDaysChanged event) {
        if (pending.addAll(event.days()) && ready) schedule();
    }

    /** One background recomputation at a time, after the rest the last one earned. */
    private void schedule() {
        if (scheduled.compareAndSet(false, true)) worker.execute(this::catchUpAfterRest);
    }

    private void catchUpAfterRest() {
        try {
            long rest = restUntil - System.nanoTime();
            if (rest > 0) Thread.sleep(Duration.ofNanos(rest));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // stopping
            return;
        }
        scheduled.set(false);   // a change committed from now on is queued for the next run
        long t0 = System.nanoTime();
        catchUpQuietly();
        long worked = System.nanoTime() - t0;
        log.debug("overview rollups caught up in {} ms", worked / 1_000_000);
        restUntil = System.nanoTime() + Math.max(MIN_REST.toNanos(), REST_FACTOR * worked);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        worker.execute(() -> {
            try {
                rebuildIfOutdated();
            } catch (RuntimeException e) {
                log.error("could not rebuild the overview's rollups; they are rebuilt at the next start", e);
            }
            ready = true;
            catchUpQuietly();
        });
    }

    synchronized void rebuildIfOutdated() {
        int stored = store.version();
        if (stored == Metrics.VERSION) return;
        long t0 = System.nanoTime();
        pending.clear();   // the rebuild reads the whole index; changes committed meanwhile queue their days again
        store.rebuildAll(Metrics.VERSION);
        log.info("Overview rollups rebuilt (version {} -> {}) in {} ms", stored, Metrics.VERSION,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Recomputes every queued day now, in the caller's thread; open overviews are told when anything changed. */
    synchronized void catchUp() {
        boolean changed = false;
        if (store.version() != Metrics.VERSION) {
            rebuildIfOutdated();
            changed = true;
        }
        while (!pending.isEmpty()) {
            changed = true;
            List<Day> days = new ArrayList<>(pending);
            pending.removeAll(days);
            try {
                store.recompute(days);
            } catch (RuntimeException e) {
                pending.addAll(days);   // tried again with the next change or read
                throw e;
            }
        }
        if (changed) live.publish(OverviewService.LIVE_TOPIC);
    }

    void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("could not recompute the overview's rollups of {} days; they stay queued", pending.size(), e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
