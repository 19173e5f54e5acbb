package io.sessionlens.base.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the pages a teammate has open that something they show has changed. {@link #publish} is called by the service
 * that made the change, inside or outside its transaction: subscribers hear of it only once the change is committed
 * (so what they read back is what was stored), and never when it was rolled back.
 *
 * <p>
 * One node only: the listeners live in this JVM. Two SessionLens nodes behind a load balancer would need a shared
 * channel (PostgreSQL's LISTEN/NOTIFY); decision 039 says why that waits.
 */
@Component
public class LiveUpdates {
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();

    /** Says that what {@code topic} names has changed: after the current transaction commits, or at once without one. */
    public void publish(String topic) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(topic);
                }
            });
        } else {
            deliver(topic);
        }
    }

    /** Calls {@code listener} (on the publisher's thread) whenever {@code topic} changes, until closed. */
    public AutoCloseable subscribe(String topic, Runnable listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(topic, (t, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** How many listeners hear {@code topic} now (pages open on it). */
    public int listeners(String topic) {
        List<Runnable> list = listeners.get(topic);
        return list == null ? 0 : list.size();
    }

    private void deliver(String topic) {
        List<Runnable> list = listeners.get(topic);
        if (list == null) return;
        for (Runnable l : list) {
            try {
                l.run();
            } catch (RuntimeException e) {   // one closed page must not stop the others hearing of it
                log.debug("A live-update listener on {} failed: {}", topic, e.toString());
            }
        }
    }
}
