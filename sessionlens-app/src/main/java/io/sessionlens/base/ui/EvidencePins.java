package io.sessionlens.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the session page, the turn cards, the span page and the sessions list offer for pinning evidence to an
 * investigation, without knowing the investigation feature (decision record 036): that feature sits above session and
 * trace (it reads them), so it provides this as a Spring bean and the pages ask it for their controls.
 */
public interface EvidencePins {
    /**
     * A session ({@code turn}, {@code traceId} and {@code spanId} null), a turn, or a span of a turn's trace.
     * {@code label} says what it is, for the dialog ("turn 3 of session s-1").
     */
    record Evidence(String experimentId, String sessionId, @Nullable Integer turn, @Nullable String traceId,
            @Nullable String spanId, String label) {}

    /** A button that opens the pin dialog for the evidence; empty for a user who may not write. */
    Optional<Component> pinButton(Evidence evidence);

    /** Opens the pin dialog for several sessions at once (the sessions list's selection). */
    void pinAll(List<Evidence> evidence);

    /** Links to the investigations the session belongs to; an empty component when none. */
    Component investigationsOf(String experimentId, String sessionId);
}
