package io.sessionlens.session.index;

import io.sessionlens.session.persistence.SessionIndexRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, before any import or page can run: a session an import was storing when the server stopped (a crash, a
 * kill, a power cut) holds fewer turns than its export. It is marked interrupted, and the sessions list and API say so
 * until an import that finishes stores its traces again. Decision record 025.
 */
@Component
class InterruptedImports implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final SessionIndexRepository index;
    private final TransactionTemplate tx;
    private volatile boolean running;

    InterruptedImports(SessionIndexRepository index, PlatformTransactionManager transactions) {
        this.index = index;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void start() {
        Integer marked = tx.execute(status -> index.markInterruptedImports());
        if (marked != null && marked > 0)
            log.warn("{} sessions were being imported when the server stopped; they are marked as incomplete until"
                    + " their traces are imported again", marked);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() { return running; }

    /** Before the background analysis and the web server (which start at later phases). */
    @Override
    public int getPhase() { return Integer.MIN_VALUE + 1000; }
}
