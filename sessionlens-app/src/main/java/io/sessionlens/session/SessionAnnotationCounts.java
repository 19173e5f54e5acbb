package io.sessionlens.session;

import io.sessionlens.session.persistence.SessionIndexRepository;
import io.sessionlens.trace.SessionRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code session_index.annotation_count} current for the sessions list's count, marker and "annotated" filter. The
 * annotation feature calls it inside its own write transaction (decision record 027); the session feature knows nothing
 * else about annotations.
 */
@Service
public class SessionAnnotationCounts {
    private final SessionIndexRepository index;

    SessionAnnotationCounts(SessionIndexRepository index) {
        this.index = index;
    }

    /** Sets the session's count; a session not (yet) in the index is left alone. */
    @Transactional
    public void set(SessionRef ref, int count) {
        index.setAnnotationCount(ref.experimentId(), ref.sessionId(), count);
    }
}
