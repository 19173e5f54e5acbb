package io.sessionlens.overview;

import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.overview.persistence.RollupStore;
import io.sessionlens.session.SessionDaysChanged;
import io.sessionlens.session.SessionDaysChanged.Day;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private volatile boolean ready;

    RollupMaintainer(RollupStore store, LiveUpdates live) {
        this.store = store;
        this.live = live;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDaysChanged(SessionDaysChanged event) {
        if (pending.addAll(event.days()) && ready) worker.execute(this::catchUpQuietly);
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
