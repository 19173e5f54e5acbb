package io.sessionlens.annotation.page;

import com.vaadin.flow.component.Component;
import io.sessionlens.annotation.Annotation;
import io.sessionlens.annotation.AnnotationTarget;
import io.sessionlens.annotation.ui.AnnotationActions;
import io.sessionlens.annotation.ui.AnnotationBoard;
import io.sessionlens.session.ui.SessionNavigation;
import io.sessionlens.trace.SessionRef;
import io.sessionlens.trace.ui.TraceNavigation;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Annotations where the thing is shown (issue #12): the session page's header, turn cards and side panel, and the trace
 * page's selected span and tree marks. One {@link AnnotationBoard} per drawing of a page reads the session's
 * annotations once for all its parts.
 */
@org.springframework.stereotype.Component
class AnnotationPageParts implements SessionNavigation.PageParts, TraceNavigation.SpanParts {
    private final AnnotationActions actions;

    AnnotationPageParts(AnnotationActions actions) {
        this.actions = actions;
    }

    @Override
    public SessionNavigation.Parts of(SessionRef ref) {
        var board = new AnnotationBoard(ref, actions);
        return new SessionNavigation.Parts() {
            @Override
            public Component header() {
                return board.sessionPart();
            }

            @Override
            public Component turn(int turn, String traceId) {
                return board.turnPart(turn, traceId);
            }

            @Override
            public Component panel() {
                return board.schemasPart();
            }
        };
    }

    @Override
    public Component span(String experimentId, String sessionKey, String traceId, String spanId, Runnable onChanged) {
        return new AnnotationBoard(new SessionRef(experimentId, sessionKey), actions).spanPart(traceId, spanId,
                onChanged);
    }

    @Override
    public Set<String> marked(String experimentId, String sessionKey, String traceId) {
        return actions.list(new SessionRef(experimentId, sessionKey)).stream()
                .filter(a -> a.target() == AnnotationTarget.SPAN && traceId.equals(a.traceId()))
                .map(Annotation::spanId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }
}
