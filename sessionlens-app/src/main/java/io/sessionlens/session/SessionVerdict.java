package io.sessionlens.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What SessionLens concluded about a session, as the list shows it: a root cause was found, the analysis found none
 * (healthy), or there is no analysis to go by yet (waiting for the background analysis, or it failed). MLflow's trace
 * state is a different thing and is never folded into this.
 */
public enum SessionVerdict {
    ROOT_CAUSE("root cause"), HEALTHY("healthy"), NOT_ANALYSED("not analysed");

    private final String label;

    SessionVerdict(String label) {
        this.label = label;
    }

    /** As the analyst reads it. */
    public String label() {
        return label;
    }

    /** The name in URLs, the API and exports: {@code root_cause}, {@code healthy}, {@code not_analysed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionVerdict> ofWire(String wire) {
        String w = wire.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(v -> v.wire().equals(w)).findFirst();
    }

    @Override
    public String toString() {
        return wire();
    }
}
