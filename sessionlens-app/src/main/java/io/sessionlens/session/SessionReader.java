package io.sessionlens.session;

import io.sessionlens.session.index.SessionAnalysisRunner;
import io.sessionlens.trace.SessionRef;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Opens sessions as an analyst does: a session still waiting for the background analysis (just imported or changed)
 * is analysed on the spot through the runner, in a transaction of its own, and then read through the read-only
 * {@link SessionService}. A session that could not be analysed in time reads as not analysed yet; never half.
 */
@Service
public class SessionReader {
    private final SessionAnalysisRunner runner;
    private final SessionService sessions;

    SessionReader(SessionAnalysisRunner runner, SessionService sessions) {
        this.runner = runner;
        this.sessions = sessions;
    }

    public Optional<SessionDocument> open(SessionRef ref) {
        runner.analyseIfWaiting(ref);
        return sessions.document(ref);
    }

    /** The conversation as Markdown, analysed first if it still waits. */
    public Optional<String> transcriptMarkdown(SessionRef ref) {
        runner.analyseIfWaiting(ref);
        return sessions.transcriptMarkdown(ref);
    }
}
