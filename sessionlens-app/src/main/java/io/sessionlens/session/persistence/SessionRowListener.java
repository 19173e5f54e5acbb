package io.sessionlens.session.persistence;

import io.sessionlens.session.SessionRowsChanged;
import io.sessionlens.trace.SessionRef;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the sessions whose row a transaction writes and, once it commits, announces them in one
 * {@link SessionRowsChanged}. Created by Spring for Hibernate (its bean container), so it can publish.
 */
public class SessionRowListener {
    private final ApplicationEventPublisher events;

    public SessionRowListener(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(SessionIndexEntity e) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publishEvent(new SessionRowsChanged(Set.of(e.ref())));
            return;
        }
        // Synchronizations belong to one transaction (a REQUIRES_NEW inside suspends them), unlike bound resources.
        for (TransactionSynchronization sync : TransactionSynchronizationManager.getSynchronizations()) {
            if (sync instanceof Pending pending && pending.owner() == this) {
                pending.refs.add(e.ref());
                return;
            }
        }
        Pending pending = new Pending();
        pending.refs.add(e.ref());
        TransactionSynchronizationManager.registerSynchronization(pending);
    }

    /** One transaction's sessions; unbound when it ends, announced only if it committed. */
    private final class Pending implements TransactionSynchronization {
        final Set<SessionRef> refs = new LinkedHashSet<>();

        SessionRowListener owner() {
            return SessionRowListener.this;
        }

        @Override
        public void afterCommit() {
            events.publishEvent(new SessionRowsChanged(Set.copyOf(refs)));
        }
    }
}
