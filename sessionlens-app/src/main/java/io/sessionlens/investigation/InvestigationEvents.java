package io.sessionlens.investigation;

import org.springframework.stereotype.Component;

/**
 * Tells open pages that an investigation changed: its page (topic {@code investigation:<id>}) refreshes for every
 * teammate who has it open.
 */
@Component
public class InvestigationEvents {
    public static String topic(long id) {
        return "investigation:" + id;
    }

    void changed(long id) {
        // published through base.live.LiveUpdates once main has it
    }
}
