package io.sessionlens.analysis.rootcause;

import io.sessionlens.analysis.RootCauseKind;
import io.sessionlens.analysis.provenance.Fact;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One turn's own negative evidence: what it would be reported as, how strong it is on its own, and the facts that later
 * turns would repeat if they built on it (decision 011).
 *
 * @param sentence what happened, as a clause after "turn N: "
 * @param carrier the facts this evidence is about (made-up values, values from an outdated page, a lost fact)
 * @param reason for {@link RootCauseKind#OTHER}: what kind of evidence it is
 * @param chain for a context loss: the turns it ran through (first answer that needed the fact, the flagged turn)
 */
record Evidence(int turn, RootCauseKind kind, Strength strength, String sentence, List<Fact> carrier,
        @Nullable String reason, List<Integer> chain) {

    Evidence {
        carrier = List.copyOf(carrier);
        chain = List.copyOf(chain);
    }

    Evidence(int turn, RootCauseKind kind, Strength strength, String sentence, List<Fact> carrier) {
        this(turn, kind, strength, sentence, carrier, null, List.of());
    }

    /**
     * How much a signal weighs on its own. Only {@link #STRONG} evidence makes a root cause without a failure to
     * explain; {@link #WEAK} evidence never does.
     */
    enum Strength {
        WEAK(0.25), MEDIUM(0.6), STRONG(0.9);

        final double weight;

        Strength(double weight) {
            this.weight = weight;
        }
    }
}
