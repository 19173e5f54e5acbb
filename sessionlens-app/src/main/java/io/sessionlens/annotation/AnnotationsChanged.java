package io.sessionlens.annotation;

import io.sessionlens.trace.SessionRef;
import org.springframework.stereotype.Component;

/**
 * Tells open session pages that a session's annotations changed, so they refresh without reload (issue #12): published
 * on the session's live topic after the write commits.
 */
@Component
class AnnotationsChanged {
    void publish(SessionRef ref) {
        // wired to base.live.LiveUpdates once it is in main
    }
}
