package io.sessionlens.investigation;

import io.sessionlens.base.live.LiveTopics;
import io.sessionlens.base.live.LiveUpdates;
import org.springframework.stereotype.Component;

/**
 * Tells open pages that an investigation changed (after the transaction commits): its page, on topic
 * {@code investigation:<id>}, refreshes for every teammate who has it open; a pin also tells the pinned session's page,
 * which lists the investigations it belongs to.
 */
@Component
public class InvestigationEvents {
    private final LiveUpdates live;

    InvestigationEvents(LiveUpdates live) {
        this.live = live;
    }

    public static String topic(long id) {
        return "investigation:" + id;
    }

    void changed(long id) {
        live.publish(topic(id));
    }

    void pinned(long id, String experimentId, String sessionId) {
        live.publish(topic(id));
        live.publish(LiveTopics.session(experimentId, sessionId));
    }
}
