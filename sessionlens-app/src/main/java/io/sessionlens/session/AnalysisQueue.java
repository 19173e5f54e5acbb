package io.sessionlens.session;

import io.sessionlens.session.index.SessionAnalysisWorker;
import org.springframework.stereotype.Component;

/** What other features may know of the background analysis: whether it is at work now. */
@Component
public class AnalysisQueue {
    private final SessionAnalysisWorker worker;

    AnalysisQueue(SessionAnalysisWorker worker) {
        this.worker = worker;
    }

    /** True when no session is being analysed or waits to be. */
    public boolean idle() {
        return worker.isIdle();
    }
}
