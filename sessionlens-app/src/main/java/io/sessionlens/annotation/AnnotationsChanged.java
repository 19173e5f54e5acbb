package io.sessionlens.annotation;

import io.sessionlens.base.live.LiveTopics;
import io.sessionlens.base.live.LiveUpdates;
import io.sessionlens.trace.SessionRef;
import org.springframework.stereotype.Component;

/**
 * Tells open session pages that a session's annotations changed, so they refresh without reload (issue #12): on the
 * session's live topic, once the write commits (decision 039).
 */
@Component
class AnnotationsChanged {
    private final LiveUpdates live;

    AnnotationsChanged(LiveUpdates live) {
        this.live = live;
    }

    void publish(SessionRef ref) {
        live.publish(LiveTopics.session(ref.experimentId(), ref.sessionId()));
    }
}
