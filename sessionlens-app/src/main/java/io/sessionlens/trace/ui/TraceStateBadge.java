package io.sessionlens.trace.ui;

import com.vaadin.flow.component.badge.Badge;
import io.sessionlens.base.ui.component.Badges;
import io.sessionlens.trace.model.TraceState;

/**
 * A trace's (or a session's worst) state as a badge, the same colour on every page: ERROR red, OK green, the rest
 * neutral. Public for the session pages; it lives here because {@code base} may not know the trace model.
 */
public final class TraceStateBadge {
    private TraceStateBadge() {}

    public static Badge of(TraceState state) {
        return Badges.of(state.name(), switch (state) {
            case ERROR -> Badges.Tone.ERROR;
            case OK -> Badges.Tone.SUCCESS;
            case IN_PROGRESS, STATE_UNSPECIFIED -> Badges.Tone.NEUTRAL;
        });
    }
}
